// `npm run engagement -- import-sheet …` (see scripts/engagement.ts for the usage): the app's spreadsheet
// import on the command line. Same steps and code as the wizard — parse (limits first), suggested column
// mapping, value mapping, transforms, inference, dry run — then, without --dry-run, an atomic apply of the
// valid rows. Prints the dry-run summary as JSON on stdout. Audited like the app (actor: the --as user or
// the organization's earliest admin; via "cli").
import fs from "node:fs";
import path from "node:path";

class CliProblem extends Error {}

type ImportSheetArgs = {
  positional: string[];
  as?: string;
  sheet?: string;
  dryRun?: boolean;
  acceptSuggestions?: boolean;
  set: string[];
  profile?: string;
  skippedOut?: string;
};

/** Inventory names a person types → the inventory. */
export const INVENTORY_ALIASES: Record<string, "data" | "workflows" | "integrations" | "reports" | "risks"> = {
  data: "data", "data-inventory": "data", data_inventory: "data", entities: "data", "data-entities": "data", entity: "data",
  workflows: "workflows", workflow: "workflows", "workflow-inventory": "workflows",
  integrations: "integrations", integration: "integrations", interfaces: "integrations", interface: "integrations", "interface-inventory": "integrations",
  reports: "reports", report: "reports", "report-inventory": "reports",
  risks: "risks", risk: "risks", "risk-register": "risks", register: "risks", raid: "risks",
};

export function resolveInventory(name: string) {
  const key = INVENTORY_ALIASES[name.trim().toLowerCase().replace(/\s+/g, "-")];
  if (!key) throw new CliProblem(`unknown inventory “${name}”: use data, workflows, integrations, reports or risks`);
  return key;
}

/** Checks the arguments and the file (size, format, limits) without a database; returns the parsed file. */
export async function checkImportSheetArgs(args: ImportSheetArgs) {
  const [engagementId, inventoryName, file] = args.positional;
  if (!engagementId || !inventoryName || !file) throw new CliProblem("import-sheet needs <engagementId> <inventory> <file>; see --help");
  const inventory = resolveInventory(inventoryName);
  const { MAX_FILE_BYTES, MAX_FILE_LABEL, FileProblem, parseSpreadsheet } = await import("@/lib/import-export/parse");
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CliProblem(`${file}: no such file or it cannot be read`);
  }
  if (size > MAX_FILE_BYTES) throw new CliProblem(`${path.basename(file)}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_LABEL}. Split it into smaller files.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch {
    throw new CliProblem(`${file}: the file cannot be read`);
  }
  const { inventorySpec } = await import("@/lib/import-export/columns");
  const spec = inventorySpec(inventory);
  try {
    const parsed = await parseSpreadsheet(path.basename(file), bytes, spec, { sheet: args.sheet });
    return { engagementId, inventory, spec, parsed, size, fileName: path.basename(file) };
  } catch (err) {
    if (err instanceof FileProblem) throw new CliProblem(`${path.basename(file)}: ${err.message}`);
    throw err;
  }
}

export async function runImportSheet(args: ImportSheetArgs, io: { out: (text: string) => void } = { out: (t) => void process.stdout.write(t) }): Promise<number> {
  const checked = await checkImportSheetArgs(args);
  const { engagementId, inventory, spec, parsed, size, fileName } = checked;
  const { db } = await import("@/lib/db");
  const { matchHeader } = await import("@/lib/import-export/headers");
  const { createImportBatch, runDryRun, applyImportBatch } = await import("@/lib/import-export/mutations");
  const { dryRunSummary, skippedRowsCsv } = await import("@/lib/import-export/summary");
  const { findImportProfileByName } = await import("@/lib/import-export/data");
  const { mappingFromProfile } = await import("@/lib/import-export/profiles");
  const { can, CAPABILITIES, ROLE_LABELS } = await import("@/lib/auth/access-matrix");
  type AuthorizedEngagementId = import("@/lib/auth/access").AuthorizedEngagementId;
  type Role = import("@/lib/auth/access-matrix").Role;
  const e = await db.engagement.findUnique({ where: { id: engagementId }, select: { id: true, organizationId: true, archivedAt: true } });
  if (!e) throw new CliProblem(`no engagement with id ${engagementId}`);
  if (e.archivedAt) throw new CliProblem("this engagement is archived; restore it before importing into it");
  const select = { id: true, email: true, organizationId: true } as const;
  const user = args.as
    ? await db.user.findFirst({ where: { email: args.as.trim().toLowerCase(), disabledAt: null, organizationId: e.organizationId }, select })
    : await db.user.findFirst({ where: { isOrgAdmin: true, disabledAt: null, organizationId: e.organizationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
  if (!user) throw new CliProblem(args.as ? `no active user ${args.as} in this engagement's organization` : "the engagement's organization has no active admin to import as; pass --as <userEmail>");
  // --as someone: as in the app, a member of the engagement whose role may import (the access matrix)
  let role: Role | "" = "";
  if (args.as) {
    const membership = await db.membership.findFirst({ where: { engagementId: e.id, userId: user.id }, select: { role: true } });
    if (!membership) throw new CliProblem(`${args.as} is not a member of this engagement; add them on its team first, or leave out --as to import as the organization's admin`);
    role = membership.role as Role;
    if (!can(role, "data.import")) throw new CliProblem(`${args.as} has the role ${ROLE_LABELS[role] ?? role} on this engagement, a role that cannot import (${CAPABILITIES["data.import"].map((r) => ROLE_LABELS[r] ?? r).join(" and ")} can)`);
  }
  const actor = { ...user, role };
  const eid = e.id as AuthorizedEngagementId;

  // --set column=value: a column id, header or alias of this inventory
  const fill: Record<string, string> = {};
  for (const s of args.set) {
    const eq = s.indexOf("=");
    if (eq <= 0) throw new CliProblem(`--set needs column=value (got “${s}”)`);
    const name = s.slice(0, eq).trim();
    const id = spec.columns.find((c) => c.id === name)?.id ?? matchHeader(spec, name);
    if (!id) throw new CliProblem(`--set: “${name}” is not a column of the ${spec.label.toLowerCase()} (columns: ${spec.columns.map((c) => c.id).join(", ")})`);
    fill[id] = s.slice(eq + 1);
  }

  const batch = await createImportBatch(eid, actor, { inventory, fileName, fileSize: size, parsed, via: "cli" });
  let mapping = batch.summary.suggested;
  let valueMappings: Record<string, Record<string, string | number | boolean | null>> | undefined;
  if (args.profile) {
    const profile = await findImportProfileByName(e.organizationId, inventory, args.profile);
    if (!profile) throw new CliProblem(`no saved import profile named “${args.profile}” for the ${spec.label.toLowerCase()}`);
    mapping = mappingFromProfile(profile, parsed.headers, mapping);
    valueMappings = profile.valueMappings;
  }
  const dry = await runDryRun(eid, batch.id, mapping, { acceptSuggestions: !!args.acceptSuggestions, fill, ...(valueMappings ? { valueMappings } : {}) }, { actor, via: "cli" });
  let applied: { created: number; updated: number; unchanged: number; skipped: number } | null = null;
  if (!args.dryRun) {
    const result = await applyImportBatch(eid, actor, batch.id, "", {}, { skipErrors: true, via: "cli" });
    applied = { created: result.created, updated: result.updated, unchanged: result.unchanged, skipped: dry.summary.counts?.error ?? 0 };
  }
  if (args.skippedOut) fs.writeFileSync(args.skippedOut, skippedRowsCsv(dry));
  io.out(`${JSON.stringify({ ...dryRunSummary(dry), applied }, null, 2)}\n`);
  return 0;
}
