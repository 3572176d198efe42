// Profile runs against real PostgreSQL (issue 10): upload → run → findings → accept → the entity's quirks and
// counts change and the estimate's input changes; cancel; unreadable files; roles and outsiders for every
// route and action; and no raw value of an extract anywhere in the database.
import { createHash } from "node:crypto";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { mockNextRuntime, signInAs } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { loadEngagementDocument } from "@/lib/engagement-format/data";
import { estimate } from "@/lib/estimate";
import { findProfileRun, findProfileRuns, findProfileTarget } from "@/lib/profile-runs/data";
import { completeProfileRun, STALE_REASONS, sweepStaleProfileRuns } from "@/lib/profile-runs/mutations";
import { runProfile } from "@/lib/profile-runs/runner";
import { stopBoss } from "@/lib/jobs/boss";
import { registeredHandlers } from "@/lib/jobs/registry";
import "@/lib/profile-runs/jobs";
import { findingsOf, type QuirkFinding } from "@/lib/profile-runs/findings";
import { acceptProfileFindingAction, cancelProfileRunAction, createProfileRunAction } from "@/lib/profile-runs/actions";
import { POST as uploadRoute } from "@/app/api/profile-uploads/[runId]/route";
import { GET as progressRoute } from "@/app/api/engagements/[id]/profile-runs/[runId]/route";
import { GET as validationPlanRoute } from "@/app/api/engagements/[id]/validation-plan/route";
import { saveEntityPlanAction, saveMockRoundsAction } from "@/lib/profile-runs/actions";
import { loadValidationPlan } from "@/lib/profile-runs/data";
import { loadReport } from "@/lib/report/data";
import { renderReportPdf } from "@/lib/report/pdf";
import ExcelJS from "exceljs";
import { writeSyntheticCsv } from "../support/synthetic-extract";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
type User = World["lead"];
let world: World;
let other: World; // another firm's engagement
let entityId: string;
let interfaceId: string;
let tmp: string;
let csv: Buffer;

const HL7 = [
  "MSH|^~\\&|LAB|MAIN|EMR|MAIN|20240102030405||ORU^R01|1|P|2.3",
  "PID|1||12345^^^MRN||Zyxwvut^Quentin||19700101|M",
  "OBR|1|||CBC",
  "OBX|1|NM|718-7^HGB^LN||13.2|g/dL",
  "ZLB|1|custom",
  "",
  "MSH|^~\\&|LAB|MAIN|EMR|MAIN|20240102030406||ORU^R01|2|P|2.5.1",
  "PID|1||12346^^^MRN||Qwertyzz^Maribel||19800202|F",
  "OBR|1|||BMP",
  "OBX|1|ST|LOCAL1^Glucose^L||high|",
  "ZLB|2|custom",
].join("\r");

beforeAll(async () => {
  world = await createEngagementWorld(db);
  other = await createEngagementWorld(db);
  entityId = (await db.dataEntity.create({ data: { engagementId: world.engagement.id, entity: "patient_demographics", sourceObject: "PATIENT_MASTER" }, select: { id: true } })).id;
  interfaceId = (await db.integration.create({ data: { engagementId: world.engagement.id, name: "Lab results", kind: "lab_results", standard: "hl7v2", direction: "inbound", complexity: "simple" }, select: { id: true } })).id;
  tmp = mkdtempSync(path.join(os.tmpdir(), "profile-runs-"));
  await writeSyntheticCsv(path.join(tmp, "patients.csv"), 2000);
  csv = readFileSync(path.join(tmp, "patients.csv"));
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await stopBoss(2_000); // started by createProfileRunAction's watchdog job
});

const E = () => world.engagement.id as AuthorizedEngagementId;

function uploadRequest(runId: string, body: BodyInit | null, headers: Record<string, string> = { origin: "http://localhost" }) {
  return new Request(`http://localhost/api/profile-uploads/${runId}`, { method: "POST", body, headers: { "x-request-id": "test-request", ...headers }, duplex: "half" } as RequestInit);
}
const upload = (runId: string, body: BodyInit | null, headers?: Record<string, string>) => uploadRoute(uploadRequest(runId, body, headers), { params: Promise.resolve({ runId }) });
const progress = (engagementId: string, runId: string) =>
  progressRoute(new Request(`http://localhost/api/engagements/${engagementId}/profile-runs/${runId}`), { params: Promise.resolve({ id: engagementId, runId }) });

async function startRun(user: User, targetType: "data_entity" | "integration", targetId: string, fileName: string, bytes: number, engagementId = world.engagement.id) {
  signInAs(user);
  return createProfileRunAction({ engagementId, targetType, targetId, fileName, bytes });
}

async function profile(user: User, targetType: "data_entity" | "integration", targetId: string, fileName: string, bytes: Buffer) {
  const run = await startRun(user, targetType, targetId, fileName, bytes.length);
  if (!run.ok) throw new Error(JSON.stringify(run));
  const res = await upload(run.data.runId, new Uint8Array(bytes));
  return { runId: run.data.runId, res };
}

describe("upload → run → findings → accept", () => {
  let runId: string;

  it("profiles the streamed extract and keeps aggregates, the hash and the row count, audited", async () => {
    const r = await profile(world.consultant, "data_entity", entityId, "patients.csv", csv);
    runId = r.runId;
    expect(r.res.status).toBe(200);
    const run = await findProfileRun(E(), runId);
    expect(run).toMatchObject({ status: "done", rowCount: 2000, format: "csv", fileName: "patients.csv", sha256: createHash("sha256").update(csv).digest("hex"), bytes: csv.length });
    const events = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, entityType: "profile_run", entityId: runId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["profile_run.start", "profile_run.complete"]);
    expect(events[1]!.changes).toMatchObject({ fileName: "patients.csv", sha256: run!.sha256, rows: 2000, format: "csv" });
    expect(events[1]!.actorId).toBe(world.consultant.id);
    // anyone on the engagement can follow progress; the page reads the same
    signInAs(world.executive);
    const p = await progress(world.engagement.id, runId);
    expect(p.status).toBe(200);
    expect(await p.json()).toMatchObject({ status: "done", rows: 2000 });
  });

  it("suggests quirks with measured share, count and severity, and the facts", async () => {
    const run = (await findProfileRun(E(), runId))!;
    const target = (await findProfileTarget(E(), "data_entity", entityId))!;
    const findings = findingsOf(run.result!, target.values, { id: runId, createdAt: new Date(run.createdAt) });
    const icd9 = findings.find((f) => f.id === "quirk:icd9_codes") as QuirkFinding;
    expect(icd9).toMatchObject({ kind: "icd9_unconverted", severity: "high" });
    expect(icd9.share).toBeGreaterThan(0.1);
    expect(icd9.share).toBeLessThan(0.14);
    expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(["quirk:duplicate_patient_pairs", "quirk:npi_invalid", "quirk:scanned_documents", "recordCount", "yearsCovered"]));
  });

  it("accepting changes the entity, links to the run, raises input confidence and changes the estimate", async () => {
    const before = estimate(await loadEngagementDocument(E()), { iterations: 200, seed: 1 });
    signInAs(world.consultant);
    for (const findingId of ["quirk:icd9_codes", "recordCount", "yearsCovered"]) {
      const r = await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId });
      expect(r).toEqual({ ok: true, data: { findingId } });
    }
    const e = await db.dataEntity.findUniqueOrThrow({ where: { id: entityId } });
    expect(Number(e.recordCount)).toBe(2000);
    expect(e.yearsCovered).toBeGreaterThan(5);
    const quirks = e.quirks as { kind: string; affectedCount: number; affectedShare: number; severity: string; description: string }[];
    expect(quirks).toHaveLength(1);
    expect(quirks[0]).toMatchObject({ kind: "icd9_unconverted", severity: "high" });
    expect(quirks[0]!.affectedCount).toBeGreaterThan(150);
    expect(quirks[0]!.description).toContain(`profile run ${runId}`);
    expect(e.version).toBe(4);

    const after = estimate(await loadEngagementDocument(E()), { iterations: 200, seed: 1 });
    const conf = (x: typeof before) => x.inputConfidence.components.find((c) => c.key === "data_counts")!.value;
    expect(conf(before)).toBe(0);
    expect(conf(after)).toBe(1);
    expect(after.inputConfidence.score).toBeGreaterThan(before.inputConfidence.score);
    expect(after.effort.workstreams.data_migration.base).not.toBe(before.effort.workstreams.data_migration.base);

    const run = (await findProfileRun(E(), runId))!;
    expect(Object.keys(run.accepted).sort()).toEqual(["quirk:icd9_codes", "recordCount", "yearsCovered"]);
    const audit = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, action: { in: ["data_entity.update", "profile_run.accept"] } }, orderBy: { id: "asc" } });
    expect(audit.filter((a) => a.action === "profile_run.accept")).toHaveLength(3);
    expect(audit.find((a) => a.action === "data_entity.update")!.changes).toHaveProperty("quirks");
  });

  it("the same finding cannot be accepted twice; a second measured quirk of a kind is added, not merged", async () => {
    signInAs(world.lead);
    const again = await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId: "quirk:icd9_codes" });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    const unknown = await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId: "quirk:nope" });
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId: "quirk:npi_invalid" })).toMatchObject({ ok: true });
    expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId: "quirk:local_codes" })).toMatchObject({ ok: true });
    const e = await db.dataEntity.findUniqueOrThrow({ where: { id: entityId } });
    expect((e.quirks as { kind: string }[]).map((q) => q.kind)).toEqual(["icd9_unconverted", "invalid_codes", "invalid_codes"]);
  });

  it("an interface's message sample suggests complexity and message types; accepting updates the interface", async () => {
    const r = await profile(world.lead, "integration", interfaceId, "lab.hl7", Buffer.from(HL7));
    expect(r.res.status).toBe(200);
    const run = (await findProfileRun(E(), r.runId))!;
    expect(run).toMatchObject({ status: "done", format: "hl7", rowCount: 2 });
    signInAs(world.lead);
    expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId: r.runId, findingId: "complexity" })).toMatchObject({ ok: true });
    expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId: r.runId, findingId: "messageTypes" })).toMatchObject({ ok: true });
    const i = await db.integration.findUniqueOrThrow({ where: { id: interfaceId } });
    expect(i.complexity).not.toBe("simple");
    expect(i.messageTypes).toContain("ORU^R01");
  });
});

describe("unreadable files, cancel, one upload per run", () => {
  it("an unreadable file ends the run as failed with the profiler's message", async () => {
    const r = await profile(world.consultant, "data_entity", entityId, "old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(r.res.status).toBe(422);
    const run = (await findProfileRun(E(), r.runId))!;
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/legacy Excel \.xls/);
    expect(run.result).toBeNull();
  });

  it("a cancel request stops a running upload within a second or two; nothing is kept", async () => {
    const start = await startRun(world.consultant, "data_entity", entityId, "slow.csv", csv.length);
    if (!start.ok) throw new Error("start failed");
    const runId = start.data.runId;
    let sent = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= csv.length) return controller.close();
        await new Promise((r) => setTimeout(r, 50));
        const chunk = csv.subarray(sent, sent + 4096);
        sent += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
      },
    });
    const pending = upload(runId, slow);
    await new Promise((r) => setTimeout(r, 300));
    expect(await cancelProfileRunAction({ engagementId: world.engagement.id, runId })).toEqual({ ok: true, data: undefined });
    const res = await pending;
    expect(res.status).toBe(409);
    const run = (await findProfileRun(E(), runId))!;
    expect(run).toMatchObject({ status: "cancelled", result: null, rowCount: null });
    expect(sent).toBeLessThan(csv.length);
    expect(await cancelProfileRunAction({ engagementId: world.engagement.id, runId })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("refuses a second upload to a run, someone else's upload, a foreign or missing Origin", async () => {
    const r = await profile(world.consultant, "data_entity", entityId, "patients.csv", csv);
    signInAs(world.consultant);
    expect((await upload(r.runId, new Uint8Array(csv))).status).toBe(409);
    const fresh = await startRun(world.consultant, "data_entity", entityId, "p.csv", csv.length);
    if (!fresh.ok) throw new Error("start failed");
    signInAs(world.lead);
    expect((await upload(fresh.data.runId, new Uint8Array(csv))).status).toBe(403);
    signInAs(world.consultant);
    expect((await upload(fresh.data.runId, new Uint8Array(csv), { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(fresh.data.runId, new Uint8Array(csv), {})).status).toBe(403);
    signInAs(null);
    expect((await upload(fresh.data.runId, new Uint8Array(csv))).status).toBe(401);
  });
});

describe("leaving the page: the run's state lives on the server", () => {
  const slowBody = (bytes: Buffer, opts: { delayMs?: number; stopAfter?: number; onEnd?: () => void } = {}) => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (opts.stopAfter !== undefined && sent >= opts.stopAfter) return new Promise<void>(() => undefined); // stalls: no more bytes, no end
        if (sent >= bytes.length) {
          controller.close();
          opts.onEnd?.();
          return;
        }
        await new Promise((r) => setTimeout(r, opts.delayMs ?? 0));
        const chunk = bytes.subarray(sent, sent + 8192);
        sent += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
      },
    });
  };

  it("once the whole file has arrived the run finishes even when the client goes away; the re-opened page shows the result", async () => {
    const start = await startRun(world.consultant, "data_entity", entityId, "left-after-upload.csv", csv.length);
    if (!start.ok) throw new Error("start failed");
    const runId = start.data.runId;
    const client = new AbortController();
    const req = new Request(`http://localhost/api/profile-uploads/${runId}`, {
      // the tab closes as soon as its last byte is out
      method: "POST", body: slowBody(csv, { onEnd: () => client.abort() }), signal: client.signal,
      headers: { origin: "http://localhost", "x-request-id": "left-after-upload", "content-length": String(csv.length) }, duplex: "half",
    } as RequestInit);
    const res = await uploadRoute(req, { params: Promise.resolve({ runId }) });
    expect(client.signal.aborted).toBe(true);
    expect(res.status).toBe(200);
    // the page, opened again later (any tab, any instance), reads the run from the database
    const runs = await findProfileRuns(E());
    expect(runs.find((r) => r.id === runId)).toMatchObject({ status: "done", rowCount: 2000, phase: null, error: "" });
    const run = (await findProfileRun(E(), runId))!;
    expect(run).toMatchObject({ status: "done", rowCount: 2000 });
    expect(run.result).not.toBeNull();
    expect((await db.profileRun.findUniqueOrThrow({ where: { id: runId } })).uploadFinishedAt).toBeInstanceOf(Date);
  });

  it("while the file is still arriving the run shows as receiving; a client leaving then interrupts it with the reason", async () => {
    const start = await startRun(world.consultant, "data_entity", entityId, "closed-mid-upload.csv", csv.length);
    if (!start.ok) throw new Error("start failed");
    const runId = start.data.runId;
    const client = new AbortController();
    const req = new Request(`http://localhost/api/profile-uploads/${runId}`, {
      method: "POST", body: slowBody(csv, { delayMs: 20, stopAfter: 64 * 1024 }), signal: client.signal,
      headers: { origin: "http://localhost", "x-request-id": "closed-mid-upload" }, duplex: "half",
    } as RequestInit);
    const pending = uploadRoute(req, { params: Promise.resolve({ runId }) });
    await new Promise((r) => setTimeout(r, 1500));
    signInAs(world.executive);
    expect(await (await progress(world.engagement.id, runId)).json()).toMatchObject({ status: "uploading", phase: "receiving" });
    client.abort(); // the tab closes: the body stalls, the signal fires
    const res = await pending;
    expect(res.status).toBe(409);
    const run = (await findProfileRun(E(), runId))!;
    expect(run).toMatchObject({ status: "interrupted", result: null, phase: null });
    expect(run.error).toMatch(/stopped before the end of the file/);
    const events = await db.auditEvent.findMany({ where: { entityType: "profile_run", entityId: runId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["profile_run.start", "profile_run.interrupted"]);
  });

  it("a body shorter than announced, or one that stalls, ends as interrupted with its reason", async () => {
    const actor = { ...world.consultant, role: "consultant" as const };
    const short = await startRun(world.consultant, "data_entity", entityId, "short.csv", csv.length);
    const stalled = await startRun(world.consultant, "data_entity", entityId, "stalled.csv", csv.length);
    if (!short.ok || !stalled.ok) throw new Error("start failed");
    const half = csv.subarray(0, csv.length >> 1);
    const a = await runProfile({ engagementId: E(), runId: short.data.runId, actor, requestId: "short", fileName: "short.csv", body: slowBody(half), totalBytes: csv.length });
    expect(a).toMatchObject({ status: "interrupted", error: expect.stringMatching(/fewer bytes than the browser announced/) });
    const b = await runProfile({ engagementId: E(), runId: stalled.data.runId, actor, requestId: "stalled", fileName: "stalled.csv", body: slowBody(csv, { stopAfter: 16 * 1024 }), totalBytes: csv.length, idleMs: 300 });
    expect(b).toMatchObject({ status: "interrupted", error: expect.stringMatching(/No data arrived/) });
    expect((await findProfileRun(E(), stalled.data.runId))!.status).toBe("interrupted");
  });

  it("the stale-run sweep ends silent runs with the reason (never started, cut off, server stopped mid-analysis), audited; live and finished runs are left alone", async () => {
    const ids: Record<string, string> = {};
    for (const name of ["never", "cut", "analysing", "live"]) {
      const r = await startRun(world.consultant, "data_entity", entityId, `${name}.csv`, 1000);
      if (!r.ok) throw new Error("start failed");
      ids[name] = r.data.runId;
    }
    const long = new Date(Date.now() - 5 * 60_000);
    await db.$executeRaw`UPDATE "ProfileRun" SET "updatedAt" = ${long} WHERE id IN (${ids.never}, ${ids.cut}, ${ids.analysing})`;
    await db.$executeRaw`UPDATE "ProfileRun" SET "uploadStartedAt" = ${long}, "updatedAt" = ${long} WHERE id IN (${ids.cut}, ${ids.analysing})`;
    await db.$executeRaw`UPDATE "ProfileRun" SET "uploadFinishedAt" = ${long}, "updatedAt" = ${long} WHERE id = ${ids.analysing}`;
    // before the sweep, a silent run already reads as interrupted (the page never shows it running forever)
    expect((await findProfileRun(E(), ids.cut!))!).toMatchObject({ status: "interrupted", error: expect.stringMatching(/went silent/) });
    const doneBefore = await db.profileRun.count({ where: { engagementId: world.engagement.id, status: "done" } });

    const swept = await sweepStaleProfileRuns(E());
    expect(swept.ended.sort()).toEqual([ids.never, ids.cut, ids.analysing].sort());
    expect(swept.running).toBeGreaterThanOrEqual(1);
    const run = async (k: string) => (await findProfileRun(E(), ids[k]!))!;
    expect(await run("never")).toMatchObject({ status: "interrupted", error: STALE_REASONS.never_started });
    expect(await run("cut")).toMatchObject({ status: "interrupted", error: STALE_REASONS.cut_off });
    expect(await run("analysing")).toMatchObject({ status: "interrupted", error: STALE_REASONS.analysis_stopped });
    expect(await run("live")).toMatchObject({ status: "uploading", phase: "waiting" });
    expect(await db.profileRun.count({ where: { engagementId: world.engagement.id, status: "done" } })).toBe(doneBefore);
    const audit = await db.auditEvent.findMany({ where: { action: "profile_run.interrupted", entityId: { in: swept.ended } } });
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorId === null && a.outcome === "failure")).toBe(true);
    // the list on the profiling page, reopened, shows each with its reason
    const listed = await findProfileRuns(E());
    expect(listed.find((r) => r.id === ids.cut)).toMatchObject({ status: "interrupted", error: STALE_REASONS.cut_off });

    // a second sweep does nothing; a run the sweep ended is not revived by a late result
    expect((await sweepStaleProfileRuns(E())).ended).toEqual([]);
    const late = await completeProfileRun(E(), { ...world.consultant, role: "consultant" as const }, ids.cut!, (await findProfileRun(E(), (await findProfileRuns(E())).find((r) => r.status === "done")!.id))!.result!);
    expect(late).toBe(false);
    expect((await run("cut")).status).toBe("interrupted");
    // another engagement's sweep never touches these runs
    await db.$executeRaw`UPDATE "ProfileRun" SET "updatedAt" = ${long} WHERE id = ${ids.live}`;
    expect((await sweepStaleProfileRuns(other.engagement.id as AuthorizedEngagementId)).ended).toEqual([]);
    expect((await run("live")).status).toBe("interrupted"); // read-time: silent
    expect(await db.profileRun.findUniqueOrThrow({ where: { id: ids.live }, select: { status: true } })).toEqual({ status: "uploading" });
  });

  it("starting a run schedules the engagement's watchdog job, whose handler runs the sweep", async () => {
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'profiler.sweep' AND data->>'engagementId' = ${world.engagement.id}`;
    expect(Number(jobs[0]!.n)).toBeGreaterThanOrEqual(1);
    const handler = registeredHandlers().find((h) => h.queue.name === "profiler.sweep")!.handler;
    const out = await handler({ id: "test", queue: "profiler.sweep", data: { engagementId: world.engagement.id }, attempt: 1, retryLimit: 2 }, async () => undefined);
    expect(out).toMatchObject({ ended: 1 }); // the "live" run made silent above
    expect(await db.profileRun.count({ where: { engagementId: world.engagement.id, status: "uploading", updatedAt: { lt: new Date(Date.now() - 3 * 60_000) } } })).toBe(0);
  });
});

describe("roles and outsiders", () => {
  let runId: string;
  beforeAll(async () => {
    const r = await profile(world.lead, "data_entity", entityId, "patients.csv", csv);
    runId = r.runId;
  });

  it.each(["clinical_reviewer", "executive"] as const)("%s cannot start, cancel, upload or accept", async (role) => {
    const user = world.usersByRole[role];
    expect(await startRun(user, "data_entity", entityId, "x.csv", 10)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(user);
    expect(await cancelProfileRunAction({ engagementId: world.engagement.id, runId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId: "recordCount" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await upload(runId, new Uint8Array(csv))).status).toBe(403);
    expect((await progress(world.engagement.id, runId)).status).toBe(200); // inventory.view
  });

  it.each(["lead", "consultant"] as const)("%s can start a run", async (role) => {
    expect(await startRun(world.usersByRole[role], "data_entity", entityId, "x.csv", 10)).toMatchObject({ ok: true });
  });

  it("a non-member gets 404 on every action and route; a target of another engagement is not found", async () => {
    for (const outsider of [world.outsider, other.lead]) {
      expect(await startRun(outsider, "data_entity", entityId, "x.csv", 10)).toMatchObject({ ok: false, code: "NOT_FOUND" });
      signInAs(outsider);
      expect(await cancelProfileRunAction({ engagementId: world.engagement.id, runId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId, findingId: "recordCount" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect((await upload(runId, new Uint8Array(csv))).status).toBe(404);
      expect((await progress(world.engagement.id, runId)).status).toBe(404);
    }
    // a member of another engagement naming this engagement's run or entity through their own engagement
    signInAs(other.lead);
    expect((await progress(other.engagement.id, runId)).status).toBe(404);
    expect(await acceptProfileFindingAction({ engagementId: other.engagement.id, runId, findingId: "recordCount" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await startRun(other.lead, "data_entity", entityId, "x.csv", 10, other.engagement.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await upload("no-such-run", new Uint8Array(csv))).status).toBe(404);
  });

  it("refuses ids it was not given and bad input with field errors", async () => {
    signInAs(world.lead);
    expect(await createProfileRunAction({ engagementId: world.engagement.id, targetType: "data_entity", targetId: entityId, fileName: "x.csv", bytes: 10, role: "lead" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await createProfileRunAction({ engagementId: world.engagement.id, targetType: "data_entity", targetId: entityId, fileName: "", bytes: 0 })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { fileName: ["Choose a file"], bytes: ["The file is empty"] } });
  });
});

describe("validation plan export", () => {
  const get = (engagementId: string) => validationPlanRoute(new Request(`http://localhost/api/engagements/${engagementId}/validation-plan`), { params: Promise.resolve({ id: engagementId }) });

  it("is an XLSX with the entity's checks and golden rows from its profile, audited; roles and outsiders", async () => {
    signInAs(world.consultant);
    const res = await get(world.engagement.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const text = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.filter((v) => v != null).join(" | "));
    expect(text("Reconciliation").join("\n")).toContain("PATIENT_MASTER | Quirk: icd9 unconverted (high)");
    expect(text("Golden patients").some((l) => /icd9 unconverted \| .* \| Rows \d+/.test(l) && l.includes("profile run"))).toBe(true);
    expect(text("Mock rounds")).toHaveLength(4); // header + 3 rounds (the default)
    expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, action: "export.validation_plan", actorId: world.consultant.id } })).toBe(1);

    for (const u of [world.reviewer, world.executive]) {
      signInAs(u);
      expect((await get(world.engagement.id)).status).toBe(403);
    }
    for (const u of [world.outsider, other.lead]) {
      signInAs(u);
      expect((await get(world.engagement.id)).status).toBe(404);
    }
    signInAs(null);
    expect((await get(world.engagement.id)).status).toBe(401);
  });
});

describe("validation plan edits", () => {
  const get = (engagementId: string) => validationPlanRoute(new Request(`http://localhost/api/engagements/${engagementId}/validation-plan`), { params: Promise.resolve({ id: engagementId }) });
  const entityInput = async (over: Record<string, unknown> = {}) => {
    const loaded = await loadValidationPlan(E());
    const checks = loaded.generated.checks.filter((c) => c.entityId === entityId).map((c) => ({ check: c.check, include: c.check !== "Key hash", acceptance: c.check === "Record count" ? "Equal to the row, no exclusions" : c.acceptance }));
    return { engagementId: world.engagement.id, expectedVersion: loaded.version, entityId, checks, added: [{ check: "Allergy reactions", method: "Count of reactions per allergy", acceptance: "Equal" }], goldenSize: 40, goldenNotes: "Two per clinic, picked by the CMIO", ...over };
  };

  it("a consultant edits an entity's checks and golden set and the mock rounds: stored, versioned, audited; the XLSX, the report page's appendix and the PDF show the edited plan", async () => {
    signInAs(world.consultant);
    const r1 = await saveEntityPlanAction(await entityInput());
    expect(r1).toEqual({ ok: true, data: { version: 1 } });
    const r2 = await saveMockRoundsAction({ engagementId: world.engagement.id, expectedVersion: 1, roundCount: 2, acceptance: ["Counts within 2 %\nEvery failure has an owner", ""] });
    expect(r2).toEqual({ ok: true, data: { version: 2 } });

    const loaded = await loadValidationPlan(E());
    expect(loaded).toMatchObject({ version: 2, updatedByName: world.consultant.name });
    const mine = loaded.plan.checks.filter((c) => c.entityId === entityId);
    expect(mine.map((c) => c.check)).not.toContain("Key hash");
    expect(mine.find((c) => c.check === "Record count")).toMatchObject({ acceptance: "Equal to the row, no exclusions", edited: true });
    expect(mine.at(-1)).toMatchObject({ check: "Allergy reactions", acceptance: "Equal" });
    expect(loaded.plan.goldenSets.find((g) => g.entityId === entityId)).toMatchObject({ size: 40, notes: "Two per clinic, picked by the CMIO" });
    expect(loaded.plan.rounds.map((x) => x.acceptance)).toEqual([["Counts within 2 %", "Every failure has an owner"], expect.arrayContaining(["0 open high or critical quirks"])]);

    const audit = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, action: "validation_plan.update" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actorId, (a.changes as { part: string; version: number }).part, (a.changes as { version: number }).version])).toEqual([[world.consultant.id, "entity:PATIENT_MASTER", 1], [world.consultant.id, "mock_rounds", 2]]);

    const res = await get(world.engagement.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const text = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.filter((v) => v != null).join(" | "));
    expect(text("Reconciliation").join("\n")).toContain("PATIENT_MASTER | Record count | Count rows");
    expect(text("Reconciliation").join("\n")).toContain("Equal to the row, no exclusions");
    expect(text("Reconciliation").join("\n")).not.toContain("Key hash");
    expect(text("Golden sets")).toContain("patient demographics | PATIENT_MASTER | 40 | Two per clinic, picked by the CMIO");
    expect(text("Mock rounds")).toHaveLength(3);

    const report = await loadReport(E(), { canSeeRates: true });
    expect(report.validationPlan).toMatchObject({ edited: true, goldenSets: [expect.objectContaining({ sourceObject: "PATIENT_MASTER", size: 40 })] });
    expect(report.validationPlan!.checks).toContainEqual({ sourceObject: "PATIENT_MASTER", check: "Allergy reactions", acceptance: "Equal" });
    const pdf = await renderReportPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  }, 60_000);

  it("a stale version is a conflict, never an overwrite; bad input gets field errors; an unknown entity is not found", async () => {
    signInAs(world.lead);
    const stale = await saveEntityPlanAction(await entityInput({ expectedVersion: 0, goldenSize: 3 }));
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await loadValidationPlan(E())).plan.goldenSets.find((g) => g.entityId === entityId)!.size).toBe(40);
    expect(await saveEntityPlanAction(await entityInput({ goldenSize: -1, added: [{ check: "", method: "", acceptance: "" }] }))).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { goldenSize: ["Cannot be negative"], "added.0.check": ["Name the check"], "added.0.acceptance": ["Say what passes"] } });
    expect(await saveEntityPlanAction({ ...(await entityInput()), role: "lead" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await saveMockRoundsAction({ engagementId: world.engagement.id, expectedVersion: 2, roundCount: 11, acceptance: [] })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { roundCount: ["At most 10 rounds"] } });
    const otherEntity = (await db.dataEntity.create({ data: { engagementId: other.engagement.id, entity: "allergies", sourceObject: "ALG" }, select: { id: true } })).id;
    expect(await saveEntityPlanAction(await entityInput({ entityId: otherEntity }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it.each(["clinical_reviewer", "executive"] as const)("%s cannot edit the plan (inventory.edit)", async (role) => {
    signInAs(world.usersByRole[role]);
    expect(await saveEntityPlanAction(await entityInput())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await saveMockRoundsAction({ engagementId: world.engagement.id, expectedVersion: 2, roundCount: 2, acceptance: [] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("a non-member gets 404 on both actions", async () => {
    for (const outsider of [world.outsider, other.lead]) {
      signInAs(outsider);
      expect(await saveEntityPlanAction(await entityInput())).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await saveMockRoundsAction({ engagementId: world.engagement.id, expectedVersion: 2, roundCount: 2, acceptance: [] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // through their own engagement, naming this engagement's entity
    signInAs(other.lead);
    expect(await saveEntityPlanAction({ ...(await entityInput()), engagementId: other.engagement.id, expectedVersion: 0 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await loadValidationPlan(E())).version).toBe(2);
  });
});

describe("PHI hygiene", () => {
  it("no raw value of a profiled extract is stored anywhere in the database", async () => {
    // this test's own run (the others in this file add theirs): profiled, findings accepted
    const own = await profile(world.consultant, "data_entity", entityId, "patients-phi.csv", csv);
    expect(own.res.status).toBe(200);
    signInAs(world.consultant);
    expect(await acceptProfileFindingAction({ engagementId: world.engagement.id, runId: own.runId, findingId: "quirk:duplicate_patient_pairs" })).toMatchObject({ ok: true });

    // the distinctive values of the synthetic extract: names, birth dates, NPIs, phones, physician names, MRNs
    const parsed = Papa.parse<Record<string, string>>(csv.toString("utf8").replace(/^\uFEFF/, ""), { header: true, delimiter: ";", skipEmptyLines: true });
    const columns = ["PAT_LNAME", "Birth Date", "Attending NPI", "Attending Physician", "Phone", "MRN"];
    const values = new Set<string>();
    for (const row of parsed.data) for (const c of columns) {
      const v = (row[c] ?? "").trim();
      if (v.length >= 5) values.add(v);
    }
    expect(values.size).toBeGreaterThan(3000);
    // index the values by their first 5 characters: one pass over a text finds every occurrence
    const byPrefix = new Map<string, string[]>();
    for (const v of values) byPrefix.set(v.slice(0, 5), [...(byPrefix.get(v.slice(0, 5)) ?? []), v]);
    const scan = (t: string): string[] => {
      const found: string[] = [];
      const text = t.replace(/[0-9a-f]{32,}/g, "#"); // hashes are not values of the file (and hold long digit runs)
      for (let i = 0; i + 5 <= text.length; i++) {
        const candidates = byPrefix.get(text.slice(i, i + 5));
        if (candidates) for (const v of candidates) if (text.startsWith(v, i)) found.push(v);
      }
      return found;
    };
    expect(scan(csv.toString("utf8")).length).toBeGreaterThan(3000); // the scan finds what is there

    const tables = await db.$queryRaw<{ table_name: string }[]>`SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["ProfileRun", "DataEntity", "AuditEvent"]));
    const leaks: string[] = [];
    let scanned = 0;
    for (const { table_name } of tables) {
      const rows = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT t::text AS t FROM "${table_name.replace(/"/g, "")}" t`);
      for (const { t } of rows) {
        scanned += t.length;
        for (const v of scan(t)) leaks.push(`${table_name}: ${v}`);
      }
    }
    expect(scanned).toBeGreaterThan(10_000);
    expect(leaks).toEqual([]);
  });
});
