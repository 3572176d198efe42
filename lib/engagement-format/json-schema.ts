// The whole-engagement format as JSON Schema (draft 2020-12), generated from the zod contract so the two
// cannot drift: `npx tsx scripts/gen-engagement-schema.ts` writes docs/engagement-format.schema.json, and a
// unit test fails when the committed file is stale. The schema describes what an importer accepts (zod's
// "input" side: fields with defaults are optional).
import { z } from "zod";
import { ENGAGEMENT_FORMAT_VERSION, EngagementDocumentSchema } from "@/lib/engagement-format/schema";

export const ENGAGEMENT_SCHEMA_PATH = "docs/engagement-format.schema.json";

export function engagementJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(EngagementDocumentSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: `https://sounding.invalid/schemas/engagement-v${ENGAGEMENT_FORMAT_VERSION}.json`,
    title: `Sounding engagement (sounding.engagement, version ${ENGAGEMENT_FORMAT_VERSION})`,
    description: "A whole engagement: profile, the five row inventories, audit-trail policy, risk matrix, risks, estimate assumptions and the type-decision checklist. See docs/engagement-format.md.",
    ...rest,
  };
}

/** The file's exact text (stable key order, two-space indent, trailing newline). */
export function engagementJsonSchemaText(): string {
  return `${JSON.stringify(engagementJsonSchema(), null, 2)}\n`;
}
