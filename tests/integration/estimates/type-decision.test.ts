// The type decision: the fit checklist action (save, versioned, audited field by field; roles; cross-tenant;
// strict input; archived engagements) and the TCO served to each role (amounts hidden without rates.view).
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { saveTypeDecisionChecklistAction } from "@/lib/type-decision/actions";
import { findTypeDecisionChecklist } from "@/lib/type-decision/data";
import { TypeDecisionAnswersSchema, type TypeDecisionAnswers } from "@/lib/type-decision/schema";
import { computeEngagementEstimate, computeTypeDecision } from "@/lib/estimates/data";
import { auditEntries, createFixtureWorld, type EstimateWorld } from "./support";

let world: EstimateWorld;
let other: EstimateWorld;

beforeAll(async () => {
  world = await createFixtureWorld();
  other = await createFixtureWorld();
});

const answers = (patch: Partial<TypeDecisionAnswers> = {}): TypeDecisionAnswers => ({ ...TypeDecisionAnswersSchema.parse({}), ...patch });
const row = (id: string) => db.engagement.findUniqueOrThrow({ where: { id }, select: { typeDecision: true, typeDecisionVersion: true } });

describe("fit checklist", () => {
  it("starts unanswered at version 0", async () => {
    const dto = await findTypeDecisionChecklist(world.eid);
    expect(dto.version).toBe(0);
    expect(Object.values(dto.values).every((a) => a.answer === null && a.note === "")).toBe(true);
  });

  it("a consultant saves answers: stored, version +1, one audit entry with the changed fields", async () => {
    signInAs(world.consultant);
    const values = answers({ specialtyWorkflowFit: { answer: "yes", note: "Dermatology imaging workflow" }, longHorizon: { answer: "unsure", note: "" } });
    const res = await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: 0, values });
    expect(res).toEqual({ ok: true, data: { version: 1, changed: 3 } });
    expect((await findTypeDecisionChecklist(world.eid)).values).toEqual(values);
    const [entry] = (await auditEntries(world.eid, "type_decision.update")).slice(-1);
    expect(entry).toMatchObject({ actorId: world.consultant.id, actorRole: "consultant", entityType: "engagement", entityId: world.eid });
    expect(entry!.changes).toEqual({
      "specialtyWorkflowFit.answer": { from: null, to: "yes" },
      "specialtyWorkflowFit.note": { from: "", to: "Dermatology imaging workflow" },
      "longHorizon.answer": { from: null, to: "unsure" },
    });
  });

  it("unchanged answers write nothing; a stale version gets CONFLICT with the current answers", async () => {
    const dto = await findTypeDecisionChecklist(world.eid);
    const count = (await auditEntries(world.eid, "type_decision.update")).length;
    signInAs(world.lead);
    expect(await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: dto.version, values: dto.values })).toEqual({ ok: true, data: { version: dto.version, changed: 0 } });
    expect((await auditEntries(world.eid, "type_decision.update")).length).toBe(count);
    const stale = await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: dto.version - 1, values: answers({ technicalLeadership: { answer: "no", note: "" } }) });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: dto.version, values: dto.values } });
    expect((await findTypeDecisionChecklist(world.eid)).values).toEqual(dto.values);
  });

  it("invalid or injected input is refused with field errors; nothing stored", async () => {
    const before = await row(world.eid);
    signInAs(world.consultant);
    const bad = await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: before.typeDecisionVersion, values: { ...answers(), longHorizon: { answer: "maybe", note: "x".repeat(1001) } } });
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    if (!bad.ok && bad.code === "INVALID") expect(Object.keys(bad.fieldErrors).sort()).toEqual(["longHorizon.answer", "longHorizon.note"]);
    const injected = await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: before.typeDecisionVersion, values: answers(), role: "lead" });
    expect(injected).toMatchObject({ ok: false, code: "INVALID" });
    const extraCriterion = await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: before.typeDecisionVersion, values: { ...answers(), budget: { answer: "yes", note: "" } } });
    expect(extraCriterion).toMatchObject({ ok: false, code: "INVALID" });
    expect(await row(world.eid)).toEqual(before);
  });

  it("the clinical reviewer and the executive cannot save (FORBIDDEN)", async () => {
    const before = await row(world.eid);
    for (const who of [world.reviewer, world.executive]) {
      signInAs(who);
      expect(await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: before.typeDecisionVersion, values: answers() })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await row(world.eid)).toEqual(before);
  });

  it("cross-tenant: an outsider and another engagement's lead get NOT_FOUND; nothing changes", async () => {
    const before = await row(world.eid);
    for (const who of [world.outsider, other.lead]) {
      signInAs(who);
      expect(await saveTypeDecisionChecklistAction({ engagementId: world.eid, version: before.typeDecisionVersion, values: answers() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await row(world.eid)).toEqual(before);
    expect(await row(other.eid)).toMatchObject({ typeDecisionVersion: 0 });
  });

  it("an archived engagement refuses the save", async () => {
    await db.engagement.update({ where: { id: other.eid }, data: { archivedAt: new Date() } });
    signInAs(other.lead);
    expect(await saveTypeDecisionChecklistAction({ engagementId: other.eid, version: 0, values: answers({ longHorizon: { answer: "yes", note: "" } }) })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await row(other.eid)).toMatchObject({ typeDecisionVersion: 0 });
    await db.engagement.update({ where: { id: other.eid }, data: { archivedAt: null } });
  });
});

describe("cost of ownership per role", () => {
  it("rates.view roles get amounts for A, B and C; the clinical reviewer gets the ranking and break-even only", async () => {
    const { document, estimate } = await computeEngagementEstimate(world.eid, { seed: 1, iterations: 500 });
    const full = await computeTypeDecision(world.eid, document, estimate, { canSeeRates: true });
    expect(full?.redacted).toBe(false);
    if (!full || full.redacted) return;
    expect(full.types.map((t) => t.type)).toEqual(["A", "B", "C"]);
    expect(full.types[0]!.run.find((p) => p.key === "licence")!.basis).toMatch(/entered/); // the fixture's destination fee
    const redacted = await computeTypeDecision(world.eid, document, estimate, { canSeeRates: false });
    expect(redacted).toMatchObject({ redacted: true, cheapestAt10: full.cheapestAt10 });
    const json = JSON.stringify(redacted);
    for (const t of full.types) for (const v of [t.at10Cents, t.runPerYearCents]) expect(json).not.toContain(String(v));
  });
});
