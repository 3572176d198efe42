// Writes the generated parts of the format docs from the code, so they cannot drift:
//   docs/engagement-format.schema.json  JSON Schema of "sounding.engagement" (from the zod contract)
//   docs/engagement-format.md           its "Columns per inventory" section (from lib/import-export/columns.ts)
//                                       and its "Fields of each inventory" section (lib/inventories/docs.ts)
// Run after changing either:  npx tsx scripts/gen-engagement-schema.ts   (--check: exit 1 if stale, write
// nothing). tests/unit/import-export/engagement-json.test.ts fails while a committed file is stale.
import fs from "node:fs";
import path from "node:path";
import { ENGAGEMENT_SCHEMA_PATH, engagementJsonSchemaText } from "@/lib/engagement-format/json-schema";
import { withSpreadsheetColumns } from "@/lib/import-export/docs";
import { withInventoryFields } from "@/lib/inventories/docs";

const FORMAT_DOC_PATH = "docs/engagement-format.md";

function main() {
  const root = path.resolve(__dirname, "..");
  const read = (p: string) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), "utf8") : "");
  const targets = [
    { file: ENGAGEMENT_SCHEMA_PATH, text: engagementJsonSchemaText() },
    { file: FORMAT_DOC_PATH, text: withInventoryFields(withSpreadsheetColumns(read(FORMAT_DOC_PATH))) },
  ];
  const stale = targets.filter((t) => read(t.file) !== t.text);
  if (process.argv.includes("--check")) {
    for (const t of stale) console.error(`${t.file} is stale: run npx tsx scripts/gen-engagement-schema.ts`);
    if (stale.length) process.exit(1);
    console.log("The generated format docs are current.");
    return;
  }
  for (const t of stale) fs.writeFileSync(path.join(root, t.file), t.text);
  console.log(stale.length ? `Wrote ${stale.map((t) => t.file).join(", ")}.` : "The generated format docs were already current.");
}

main();
