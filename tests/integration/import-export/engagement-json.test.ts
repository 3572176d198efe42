// Whole-engagement JSON: export A → import as a new engagement → export B gives the same document (apart
// from exportedAt); invalid files write nothing; the importer becomes lead; the same through the CLI.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld, createOrganization, createUser } from "@/lib/factories";
import { importEngagementAction } from "@/lib/import-export/actions";
import { fixtureDocument, getExportJson, ROOT, seedEngagement } from "./support";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;

beforeAll(async () => {
  world = await createEngagementWorld(db);
});

function jsonForm(text: string, fileName = "engagement.json") {
  const form = new FormData();
  form.set("file", new File([text], fileName, { type: "application/json" }));
  return form;
}

async function exportText(engagementId: string): Promise<string> {
  const res = await getExportJson(engagementId);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.json"/);
  return res.text();
}

const withoutExportedAt = (text: string) => {
  const { exportedAt: _e, ...rest } = JSON.parse(text);
  return rest;
};

describe("whole-engagement JSON through the app", () => {
  for (const file of ["mid-size-type-a.json", "mid-size-type-b.json"]) {
    it(`${file}: export A → import → export B is the same document`, async () => {
      const a = await seedEngagement(world.lead, [], file);
      signInAs(world.lead);
      const exportedA = await exportText(a);
      expect(withoutExportedAt(exportedA)).toEqual(JSON.parse(JSON.stringify({ ...fixtureDocument(file), exportedAt: undefined })));

      signInAs(world.consultant);
      const res = await importEngagementAction(jsonForm(exportedA));
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      const b = res.data.id;
      expect(b).not.toBe(a);
      const membership = await db.membership.findMany({ where: { engagementId: b } });
      expect(membership).toEqual([expect.objectContaining({ userId: world.consultant.id, role: "lead" })]);
      expect((await db.engagement.findUniqueOrThrow({ where: { id: b } })).organizationId).toBe(world.consultant.organizationId);
      expect(await db.auditEvent.findFirst({ where: { engagementId: b, action: "engagement.import" } })).toMatchObject({ actorId: world.consultant.id, changes: { via: "app", fileName: "engagement.json" } });

      const exportedB = await exportText(b);
      expect(withoutExportedAt(exportedB)).toEqual(withoutExportedAt(exportedA));
      expect(await db.auditEvent.count({ where: { engagementId: b, action: "export.engagement" } })).toBe(1);
    });
  }

  it("the type-decision checklist answers travel with the engagement: saved answers are exported, imported and exported again", async () => {
    const a = await seedEngagement(world.lead);
    const answers = {
      specialtyWorkflowFit: { answer: "yes", note: "Behavioral-health intake has no vendor template" },
      sizeVersusLicensing: { answer: "no", note: "" },
      technicalLeadership: { answer: "unsure", note: "CTO hire pending" },
      longHorizon: { answer: null, note: "" },
    };
    await db.engagement.update({ where: { id: a }, data: { typeDecision: answers, typeDecisionVersion: 1 } });
    signInAs(world.lead);
    const exportedA = await exportText(a);
    expect(JSON.parse(exportedA).typeDecision).toEqual(answers);

    signInAs(world.consultant);
    const res = await importEngagementAction(jsonForm(exportedA));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect((await db.engagement.findUniqueOrThrow({ where: { id: res.data.id } })).typeDecision).toEqual(answers);
    expect(withoutExportedAt(await exportText(res.data.id))).toEqual(withoutExportedAt(exportedA));

    // a file without the checklist (older exports) imports as unanswered; a bad answer is a problem with its path
    const { typeDecision: _t, ...older } = JSON.parse(exportedA);
    const res2 = await importEngagementAction(jsonForm(JSON.stringify(older)));
    expect(res2.ok).toBe(true);
    if (res2.ok) expect(JSON.parse(await exportText(res2.data.id)).typeDecision.technicalLeadership).toEqual({ answer: null, note: "" });
    const bad = await importEngagementAction(jsonForm(JSON.stringify({ ...older, typeDecision: { longHorizon: { answer: "maybe" } } })));
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain("typeDecision.longHorizon.answer");
  });

  it("an invalid file: every problem with its JSON path, and nothing is written", async () => {
    const doc = JSON.parse(JSON.stringify(fixtureDocument()));
    doc.risks[2].impact = 0;
    doc.integrations[1].direction = "sideways";
    doc.dataEntities.push({ ...doc.dataEntities[0] });
    const before = await db.engagement.count();
    signInAs(world.consultant);
    const res = await importEngagementAction(jsonForm(JSON.stringify(doc)));
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "risks[2].impact": ["must be at least 1 (it is 0)"], "integrations[1].direction": [expect.stringMatching(/^must be one of: Inbound, Outbound, Bidirectional/)] } });
    const dup = { ...fixtureDocument(), dataEntities: [...fixtureDocument().dataEntities, fixtureDocument().dataEntities[0]] };
    const res2 = await importEngagementAction(jsonForm(JSON.stringify(dup)));
    expect(res2).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { [`dataEntities[${dup.dataEntities.length - 1}]`]: [expect.stringMatching(/repeats dataEntities\[0\]/)] } });
    const res3 = await importEngagementAction(jsonForm("{ not json"));
    expect(res3).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { "(file)": [expect.stringMatching(/is not valid JSON/)] } });
    expect(await db.engagement.count()).toBe(before);
  });

  it("numbers the contract allows but the database's integer columns can't hold are problems too", async () => {
    const doc = fixtureDocument();
    const broken = { ...doc, workflows: [...doc.workflows, { ...doc.workflows[0], name: "Too many", quantity: 3_000_000_000 }] };
    signInAs(world.lead);
    const res = await importEngagementAction(jsonForm(JSON.stringify(broken)));
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { [`workflows[${doc.workflows.length}].quantity`]: ["is too large (at most 2,147,483,647)"] } });
  });

  it("a failure while writing leaves nothing behind (one transaction)", async () => {
    const before = { engagements: await db.engagement.count(), risks: await db.risk.count(), events: await db.auditEvent.count() };
    signInAs(world.lead);
    // bypass validation: the engagement and its data entities are inserted, then the workflows insert fails
    const doc = fixtureDocument();
    const broken = { ...doc, workflows: [...doc.workflows, { ...doc.workflows[0], name: "Too many", quantity: 3_000_000_000 }] };
    const { createEngagementFromDocument } = await import("@/lib/engagement-format/mutations");
    await expect(createEngagementFromDocument(world.lead, broken)).rejects.toThrow(/out of range/);
    expect({ engagements: await db.engagement.count(), risks: await db.risk.count(), events: await db.auditEvent.count() }).toEqual(before);
  });

  it("anonymous: refused, nothing written", async () => {
    const before = await db.engagement.count();
    signInAs(null);
    // requireUser redirects to /sign-in (Next's redirect error propagates out of the action)
    await expect(importEngagementAction(jsonForm(JSON.stringify(fixtureDocument())))).rejects.toThrow("NEXT_REDIRECT");
    expect(await db.engagement.count()).toBe(before);
  });
});

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, path.join(ROOT, "scripts/engagement.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe("the CLI (npm run engagement)", () => {
  it("export → import --as → export gives the same document; the importer is lead", { timeout: 90_000 }, async () => {
    const org = await createOrganization(db);
    const cliUser = await createUser(db, { organizationId: org.id });
    const a = await seedEngagement(world.lead, [], "mid-size-type-b.json");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-cli-"));
    try {
      const exportA = await runCli(["export", a]);
      expect(exportA.code, exportA.stderr).toBe(0);
      const fileA = path.join(dir, "a.json");
      fs.writeFileSync(fileA, exportA.stdout);

      const imported = await runCli(["import", fileA, "--as", cliUser.email]);
      expect(imported.code, imported.stderr).toBe(0);
      const b = imported.stdout.trim();
      expect(b).toMatch(/^c[a-z0-9]+$/);
      expect(imported.stderr).toMatch(new RegExp(`lead: ${cliUser.email}`));
      expect(await db.membership.findMany({ where: { engagementId: b }, select: { userId: true, role: true } })).toEqual([{ userId: cliUser.id, role: "lead" }]);
      expect((await db.engagement.findUniqueOrThrow({ where: { id: b } })).organizationId).toBe(org.id);

      const fileB = path.join(dir, "b.json");
      const exportB = await runCli(["export", b, "--out", fileB]);
      expect(exportB.code, exportB.stderr).toBe(0);
      expect(withoutExportedAt(fs.readFileSync(fileB, "utf8"))).toEqual(withoutExportedAt(exportA.stdout));
      expect(await db.auditEvent.findFirst({ where: { engagementId: b, action: "engagement.import" } })).toMatchObject({ actorId: cliUser.id, changes: { via: "cli", fileName: "a.json" } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an invalid file: a clear message, exit 1, nothing written; unknown user and engagement too", { timeout: 90_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-cli-"));
    try {
      const doc = JSON.parse(JSON.stringify(fixtureDocument()));
      doc.risks[0].likelihood = 12;
      const file = path.join(dir, "bad.json");
      fs.writeFileSync(file, JSON.stringify(doc));
      const before = await db.engagement.count();
      const res = await runCli(["import", file]);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe("");
      expect(res.stderr).toMatch(/bad\.json: 1 problem; nothing was imported\.\n\s+risks\[0\]\.likelihood: must be at most 7 \(it is 12\)/);
      const good = path.join(dir, "good.json");
      fs.writeFileSync(good, JSON.stringify(fixtureDocument()));
      const nobody = await runCli(["import", good, "--as", "nobody@example.invalid"]);
      expect(nobody).toMatchObject({ code: 1, stdout: "" });
      expect(nobody.stderr).toMatch(/no active user with email nobody@example.invalid/);
      expect(await db.engagement.count()).toBe(before);
      const missing = await runCli(["export", "does-not-exist"]);
      expect(missing).toMatchObject({ code: 1, stdout: "" });
      expect(missing.stderr).toMatch(/no engagement with id does-not-exist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
