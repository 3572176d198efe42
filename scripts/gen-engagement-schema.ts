// Writes docs/engagement-format.schema.json (JSON Schema of the "sounding.engagement" format) from the zod
// contract. Run after changing lib/engagement-format/schema.ts:  npx tsx scripts/gen-engagement-schema.ts
// (tests/unit/import-export/engagement-json.test.ts fails while the committed file is stale; --check
// exits 1 instead of writing).
import fs from "node:fs";
import path from "node:path";
import { ENGAGEMENT_SCHEMA_PATH, engagementJsonSchemaText } from "@/lib/engagement-format/json-schema";

function main() {
  const file = path.resolve(__dirname, "..", ENGAGEMENT_SCHEMA_PATH);
  const text = engagementJsonSchemaText();
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== text) {
      console.error(`${ENGAGEMENT_SCHEMA_PATH} is stale: run npx tsx scripts/gen-engagement-schema.ts`);
      process.exit(1);
    }
    console.log(`${ENGAGEMENT_SCHEMA_PATH} is current.`);
    return;
  }
  fs.writeFileSync(file, text);
  console.log(current === text ? `${ENGAGEMENT_SCHEMA_PATH} was already current.` : `Wrote ${ENGAGEMENT_SCHEMA_PATH}.`);
}

main();
