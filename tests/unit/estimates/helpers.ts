// Shared helpers for the estimate-UI unit tests: the golden fixture documents.
import { readFileSync } from "node:fs";
import path from "node:path";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";

const FIXTURES = path.resolve(__dirname, "../../fixtures/engagements");

export function fixture(file: "mid-size-type-a.json" | "mid-size-type-b.json" = "mid-size-type-a.json"): EngagementDocument {
  return EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")));
}
