// `npm run engagement -- import-sheet …` (scripts/engagement.ts, scripts/lib/import-sheet.ts), run in this
// process through runCommand (spawning tsx costs seconds per call): --dry-run prints the JSON summary and
// writes nothing to the inventory; without it the valid rows are applied; a file that cannot be imported, an
// unknown engagement and a user who may not import exit 1 with one line on stderr and nothing on stdout.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { runCommand } from "../../../scripts/engagement";
import { ROOT } from "./support";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World;
let tmp: string;

const CORPUS = path.join(ROOT, "tests/fixtures/imports/corpus");
const INTEGRATIONS = path.join(CORPUS, "SummitOrtho_integration_list.xlsx"); // 26 data rows (README)
const DATA = path.join(CORPUS, "lakeshore_peds_data_inventory.csv"); // 18 data rows

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCommand(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

type Summary = {
  batchId: string;
  rows: { total: number; ok: number; skipped: number; error: number };
  counts: { create: number; update: number; unchanged: number; error: number };
  errors: { row: number; column: string; message: string }[];
  columns: { header: string; column: string | null }[];
  values: Record<string, { value: string; count: number; target: unknown; how: string }[]>;
  skippedRows: { row: number; reason: string }[];
  applied: { created: number; updated: number; unchanged: number; skipped: number } | null;
};

/** Exit 1, one line on stderr, nothing on stdout. */
function expectRefused(r: { code: number; out: string; err: string }, pattern: RegExp) {
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(pattern);
}

beforeAll(async () => {
  world = await createEngagementWorld(db);
  other = await createEngagementWorld(db);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-cli-test-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("import-sheet on the command line", () => {
  it("--dry-run prints the summary (rows, errors with row and column, mappings) and writes nothing", async () => {
    const r = await cli("import-sheet", world.engagement.id, "interfaces", INTEGRATIONS, "--dry-run", "--as", world.consultant.email);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Summary;
    // without --accept-suggestions, values that are only suggested hold their rows back
    expect(s.rows.total).toBe(s.rows.ok + s.rows.skipped + s.rows.error);
    expect(s.rows.ok + s.rows.error).toBe(26);
    expect(s.rows.error).toBeGreaterThan(0);
    expect(s.errors.length).toBeGreaterThanOrEqual(s.rows.error);
    expect(new Set(s.errors.map((e) => e.row)).size).toBe(s.rows.error);
    expect(s.errors.some((e) => s.columns.some((c) => c.header === e.column))).toBe(true);
    for (const e of s.errors) {
      expect(e.row).toBeGreaterThan(1);
      // a header of the file, or a column the dry run added ("Name (inferred)")
      expect(e.column).toMatch(/\S/);
      expect(e.message).toBeTruthy();
    }
    expect(s.columns.some((c) => c.column === "standard")).toBe(true);
    expect(s.values.standard?.some((v) => v.value === "HL7 v2.5.1" || v.how !== "exact")).toBe(true);
    expect(s.applied).toBeNull();
    // nothing written to the inventory; the dry run is stored (unapplied) and audited as the consultant
    expect(await db.integration.count({ where: { engagementId: world.engagement.id } })).toBe(0);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: s.batchId }, select: { appliedAt: true, engagementId: true } });
    expect(batch).toEqual({ appliedAt: null, engagementId: world.engagement.id });
    const audit = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, entityId: s.batchId }, select: { action: true, actorId: true, changes: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["import.dry_run", "import.upload"]);
    expect(audit.every((a) => a.actorId === world.consultant.id && (a.changes as { via?: string }).via === "cli")).toBe(true);
  });

  it("with --accept-suggestions and without --dry-run, applies the valid rows and prints what it did", async () => {
    const skippedOut = path.join(tmp, "skipped.csv");
    const r = await cli("import-sheet", world.engagement.id, "data", DATA, "--accept-suggestions", "--as", world.lead.email, "--skipped-out", skippedOut);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Summary;
    expect(s.rows.ok + s.rows.error).toBe(18);
    expect(s.rows.ok / 18).toBeGreaterThanOrEqual(0.95);
    expect(s.applied).toEqual({ created: s.counts.create, updated: 0, unchanged: 0, skipped: s.rows.error });
    expect(await db.dataEntity.count({ where: { engagementId: world.engagement.id } })).toBe(s.applied!.created);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: s.batchId }, select: { appliedAt: true } })).appliedAt).not.toBeNull();
    // the skipped rows' file: the header plus one line per row with an error
    const lines = fs.readFileSync(skippedOut, "utf8").trim().split("\r\n");
    expect(lines).toHaveLength(1 + s.rows.error);

    // the same file again: every row matches its own, nothing changes
    const again = JSON.parse((await cli("import-sheet", world.engagement.id, "data", DATA, "--accept-suggestions", "--as", world.lead.email)).out) as Summary;
    expect(again.applied).toMatchObject({ created: 0, updated: 0, unchanged: s.applied!.created });
    expect(await db.dataEntity.count({ where: { engagementId: world.engagement.id } })).toBe(s.applied!.created);
  });

  it("refuses a file it cannot read, or one over the size limit, with one line", async () => {
    expectRefused(await cli("import-sheet", world.engagement.id, "data", path.join(tmp, "missing.xlsx"), "--dry-run"), /missing\.xlsx: no such file or it cannot be read/);

    const garbage = path.join(tmp, "inventory.xlsx");
    fs.writeFileSync(garbage, "this is not a workbook\n");
    expectRefused(await cli("import-sheet", world.engagement.id, "data", garbage, "--dry-run"), /inventory\.xlsx: .*not an Excel workbook/);

    const big = path.join(tmp, "huge.csv");
    const fd = fs.openSync(big, "w");
    fs.ftruncateSync(fd, 21 * 1024 * 1024); // sparse: 21 MB on paper, nothing on disk
    fs.closeSync(fd);
    expectRefused(await cli("import-sheet", world.engagement.id, "data", big, "--dry-run"), /huge\.csv: the file is 21\.0 MB; the limit is 20 MB/);

    expectRefused(await cli("import-sheet", world.engagement.id, "ledger", DATA), /unknown inventory “ledger”/);
    expect(await db.importBatch.count({ where: { engagementId: world.engagement.id, fileName: { in: ["missing.xlsx", "inventory.xlsx", "huge.csv"] } } })).toBe(0);
  });

  it("refuses an unknown engagement, another firm's user, a non-member and a role that cannot import", async () => {
    const before = await db.importBatch.count();
    expectRefused(await cli("import-sheet", "no-such-engagement", "data", DATA, "--dry-run"), /no engagement with id no-such-engagement/);
    expectRefused(await cli("import-sheet", world.engagement.id, "data", DATA, "--dry-run", "--as", other.lead.email), new RegExp(`no active user ${other.lead.email.replace(/[.+]/g, "\\$&")} in this engagement's organization`));
    expectRefused(await cli("import-sheet", world.engagement.id, "data", DATA, "--dry-run", "--as", world.outsider.email), /is not a member of this engagement/);
    expectRefused(await cli("import-sheet", world.engagement.id, "data", DATA, "--dry-run", "--as", world.reviewer.email), /has the role Clinical reviewer on this engagement, a role that cannot import \(Engagement lead and Consultant can\)/);
    expectRefused(await cli("import-sheet", world.engagement.id, "data", DATA, "--dry-run", "--as", world.executive.email), /has the role Executive/);
    expect(await db.importBatch.count()).toBe(before);
  });
});
