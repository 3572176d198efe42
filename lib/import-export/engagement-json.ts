// Reading a whole-engagement JSON file ("sounding.engagement" v1) before it becomes a new engagement:
// syntax errors with line and column, a clear word for a file that is not ours or from a newer version,
// every schema problem with its JSON path ("risks[3].likelihood"), and rows that would collide on their
// natural key. Pure: nothing is written until the whole document is valid.
import type { z } from "zod";
import { ENGAGEMENT_FORMAT, ENGAGEMENT_FORMAT_VERSION, EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { INVENTORIES, type InventoryKey } from "@/lib/inventories/registry";
import { plainIssueMessage, valueAtPath } from "@/lib/import-export/dry-run";
import { columnRangeProblems, INT4_MAX } from "@/lib/import-export/sql-types";

export type DocumentProblem = { path: string; message: string };
export type DocumentParse = { ok: true; document: EngagementDocument } | { ok: false; problems: DocumentProblem[] };

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS = 50;

/** The document's array for each row inventory. */
export const DOCUMENT_ARRAYS: Record<InventoryKey, "dataEntities" | "workflows" | "integrations" | "reports" | "risks"> = {
  data: "dataEntities",
  workflows: "workflows",
  integrations: "integrations",
  reports: "reports",
  risks: "risks",
};

/** "risks[3].scheduleImpactWeeks.max" */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(document)";
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/**
 * `npm run engagement -- export <id> > file.json` captures npm's two-line banner ("> sounding@… engagement")
 * on stdout; such leading lines are skipped so that file imports as is.
 */
export function stripNpmBanner(text: string): string {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let i = 0;
  while (i < lines.length && (lines[i].trim() === "" || lines[i].startsWith("> "))) i++;
  return i === 0 ? text.replace(/^\uFEFF/, "") : lines.slice(i).join("\n");
}

function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_union") return "does not match any allowed shape (check its “kind”)";
  if (issue.code === "invalid_value" && issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
  return plainIssueMessage(issue, valueAtPath(raw, issue.path));
}

/** Rows of one inventory that share a natural key would collide in the database: report each repeat. */
function duplicateKeys(doc: EngagementDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const inventory of Object.keys(DOCUMENT_ARRAYS) as InventoryKey[]) {
    const field = DOCUMENT_ARRAYS[inventory];
    const naturalKey = INVENTORIES[inventory].naturalKey as (r: unknown) => string;
    const first = new Map<string, number>();
    (doc[field] as unknown[]).forEach((row, i) => {
      const k = naturalKey(row);
      const j = first.get(k);
      if (j === undefined) first.set(k, i);
      else problems.push({ path: `${field}[${i}]`, message: `repeats ${field}[${j}] (same ${keyWords(inventory)}); each row must be unique` });
    });
  }
  return problems;
}

/** Numbers the contract accepts but the database's integer columns cannot hold. */
function rangeProblems(doc: EngagementDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const [field, v] of Object.entries(doc.engagement.profile)) {
    if (Number.isInteger(v) && v > INT4_MAX) problems.push({ path: `engagement.profile.${field}`, message: `is too large (at most ${INT4_MAX.toLocaleString("en-US")})` });
  }
  for (const inventory of Object.keys(DOCUMENT_ARRAYS) as InventoryKey[]) {
    const field = DOCUMENT_ARRAYS[inventory];
    (doc[field] as unknown as Record<string, unknown>[]).forEach((row, i) => {
      for (const p of columnRangeProblems(inventory, row)) problems.push({ path: `${field}[${i}].${p.field}`, message: p.message });
    });
  }
  return problems;
}

function keyWords(inventory: InventoryKey): string {
  switch (inventory) {
    case "data": return "entity and source object";
    case "workflows": return "kind, department and name";
    case "risks": return "title";
    default: return "name";
  }
}

export function parseEngagementDocument(text: string): DocumentParse {
  const body = stripNpmBanner(text);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    return { ok: false, problems: [{ path: "(file)", message: `is not valid JSON${pos ? ` (${lineAndColumn(body, Number(pos[1]))})` : ""}: ${message.replace(/^JSON\.parse: /, "")}` }] };
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: "(document)", message: "must be a JSON object exported by Sounding" }] };
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== ENGAGEMENT_FORMAT) {
    return { ok: false, problems: [{ path: "format", message: `must be "${ENGAGEMENT_FORMAT}": this is not a Sounding engagement file` }] };
  }
  if (typeof head.version === "number" && head.version > ENGAGEMENT_FORMAT_VERSION) {
    return { ok: false, problems: [{ path: "version", message: `is ${head.version}: the file was made by a newer Sounding; this one reads version ${ENGAGEMENT_FORMAT_VERSION}` }] };
  }
  const parsed = EngagementDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issueMessage(issue, raw) }));
    return { ok: false, problems: limit(problems) };
  }
  const problems = [...rangeProblems(parsed.data), ...duplicateKeys(parsed.data)];
  if (problems.length) return { ok: false, problems: limit(problems) };
  return { ok: true, document: parsed.data };
}

function limit(problems: DocumentProblem[]): DocumentProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { path: "…", message: `and ${problems.length - MAX_PROBLEMS} more problems` }];
}
