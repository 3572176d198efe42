// The contract every inventory's row actions keep, as one table-driven suite: CRUD with audit entries,
// natural-key duplicates as a field error, two saves from one version (one wins, the other gets CONFLICT with
// the current row), stale deletes refused, roles per the access matrix, outsiders and foreign row ids → 404.
// Each inventory's test file calls describeRowActions(spec) after mockNextRuntime().
import { beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../support/session";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";

export type World = Awaited<ReturnType<typeof createEngagementWorld>>;
type Act<T> = (input: unknown) => Promise<ActionResult<T>>;

export type RowSpec = {
  name: string;
  entityType: string; // audit entityType, e.g. "data_entity"
  create: Act<SavedRow>;
  update: Act<SavedRow>;
  remove: Act<undefined>;
  /** Valid form values, unique per `n`. */
  values: (n: string) => Record<string, unknown>;
  /** The same values with one ordinary (non-key) field changed; `changedField` names it. */
  change: (v: Record<string, unknown>, marker: string) => Record<string, unknown>;
  changedField: string;
  /** Values that clash with `v` on the natural key (e.g. the key in another letter case). */
  duplicate: (v: Record<string, unknown>) => Record<string, unknown>;
  keyField: string;
  /** Reads a row by id (unscoped: the test checks what is stored). */
  read: (id: string) => Promise<({ version: number; engagementId: string } & Record<string, unknown>) | null>;
  count: (engagementId: string) => Promise<number>;
};

let counter = 0;
export const unique = (prefix = "row") => `${prefix} ${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function describeRowActions(spec: RowSpec) {
  describe(`${spec.name}: row actions`, () => {
    let world: World;
    let other: World; // another engagement (same firm), for foreign row ids

    beforeAll(async () => {
      world = await createEngagementWorld(db);
      other = await createEngagementWorld(db);
    });

    async function createAs(w: World, values: Record<string, unknown>) {
      signInAs(w.consultant);
      const res = await spec.create({ engagementId: w.engagement.id, values });
      if (!res.ok) throw new Error(`create failed: ${JSON.stringify(res)}`);
      return res.data;
    }

    it("a consultant creates, edits and deletes a row; each step is audited with field-level changes", async () => {
      const values = spec.values(unique());
      const created = await createAs(world, values);
      expect(created.version).toBe(1);
      const stored = await spec.read(created.id);
      expect(stored).toMatchObject({ engagementId: world.engagement.id, version: 1 });

      signInAs(world.lead);
      const changed = spec.change(values, unique("changed"));
      const updated = await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: changed });
      expect(updated).toEqual({ ok: true, data: { id: created.id, version: 2 } });

      const removed = await spec.remove({ engagementId: world.engagement.id, id: created.id, version: 2 });
      expect(removed).toEqual({ ok: true, data: undefined });
      expect(await spec.read(created.id)).toBeNull();

      const events = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, entityId: created.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.action)).toEqual([`${spec.entityType}.create`, `${spec.entityType}.update`, `${spec.entityType}.delete`]);
      expect(events[0]!.actorId).toBe(world.consultant.id);
      expect(events[1]!.actorId).toBe(world.lead.id);
      expect(events[1]!.actorRole).toBe("lead");
      const changes = events[1]!.changes as Record<string, { from: unknown; to: unknown }>;
      expect(Object.keys(changes)).toEqual([spec.changedField]);
      expect(changes[spec.changedField]!.to).not.toEqual(changes[spec.changedField]!.from);
      expect(Object.keys(events[2]!.changes as object)).toContain(spec.keyField);
    });

    it("saving unchanged values keeps the version and writes nothing", async () => {
      const values = spec.values(unique());
      const created = await createAs(world, values);
      const res = await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values });
      expect(res).toEqual({ ok: true, data: { id: created.id, version: 1 } });
      expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, entityId: created.id } })).toBe(1);
    });

    it("a natural-key duplicate is a field error on the key field, not a crash; nothing is saved", async () => {
      const values = spec.values(unique());
      await createAs(world, values);
      const before = await spec.count(world.engagement.id);
      const res = await spec.create({ engagementId: world.engagement.id, values: spec.duplicate(values) });
      expect(res).toMatchObject({ ok: false, code: "INVALID" });
      if (!res.ok && res.code === "INVALID") expect(res.fieldErrors[spec.keyField]?.[0]).toMatch(/already/i);
      expect(await spec.count(world.engagement.id)).toBe(before);

      // renaming another row onto the key is refused the same way
      const second = await createAs(world, spec.values(unique()));
      const rename = await spec.update({ engagementId: world.engagement.id, id: second.id, version: 1, values: spec.duplicate(values) });
      expect(rename).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { [spec.keyField]: [expect.stringMatching(/already/i)] } });
      expect((await spec.read(second.id))?.version).toBe(1);
    });

    it("the same key in another engagement is fine", async () => {
      const values = spec.values(unique());
      await createAs(world, values);
      await expect(createAs(other, values)).resolves.toMatchObject({ version: 1 });
    });

    it("invalid values come back as field errors keyed like the form's fields", async () => {
      signInAs(world.consultant);
      const res = await spec.create({ engagementId: world.engagement.id, values: { ...spec.values(unique()), [spec.keyField]: "" } });
      expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { [spec.keyField]: expect.any(Array) } });
    });

    it("injected fields are rejected (strict schemas)", async () => {
      signInAs(world.consultant);
      const values = spec.values(unique());
      expect(await spec.create({ engagementId: world.engagement.id, values: { ...values, engagementId: other.engagement.id } })).toMatchObject({ ok: false, code: "INVALID" });
      expect(await spec.create({ engagementId: world.engagement.id, values: { ...values, version: 7 } })).toMatchObject({ ok: false, code: "INVALID" });
      expect(await spec.create({ engagementId: world.engagement.id, values, id: "x" })).toMatchObject({ ok: false, code: "INVALID" });
    });

    it("two saves from the same version: exactly one wins, the other gets CONFLICT with the current row", async () => {
      const values = spec.values(unique());
      const created = await createAs(world, values);
      signInAs(world.lead);
      const [a, b] = await Promise.all([
        spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.change(values, "Version A") }),
        spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.change(values, "Version B") }),
      ]);
      const results = [a, b];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser).toMatchObject({ ok: false, code: "CONFLICT" });
      const stored = await spec.read(created.id);
      expect(stored?.version).toBe(2);
      const current = loser && !loser.ok && loser.code === "CONFLICT" ? (loser.current as Record<string, unknown>) : null;
      expect(current).toMatchObject({ id: created.id, version: 2 });
      expect(current?.[spec.changedField]).toEqual(stored?.[spec.changedField]);
      expect(await db.auditEvent.count({ where: { entityId: created.id, action: `${spec.entityType}.update` } })).toBe(1);
    });

    it("a save or delete from a stale version is refused with the current row; nothing is overwritten", async () => {
      const values = spec.values(unique());
      const created = await createAs(world, values);
      const first = await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.change(values, "theirs") });
      expect(first).toMatchObject({ ok: true });
      const stale = await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.change(values, "mine") });
      expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { id: created.id, version: 2 } });
      const staleDelete = await spec.remove({ engagementId: world.engagement.id, id: created.id, version: 1 });
      expect(staleDelete).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(await spec.read(created.id)).toMatchObject({ version: 2 });
    });

    it("a deleted row: edit and delete say NOT_FOUND", async () => {
      const created = await createAs(world, spec.values(unique()));
      expect(await spec.remove({ engagementId: world.engagement.id, id: created.id, version: 1 })).toMatchObject({ ok: true });
      expect(await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.values(unique()) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.remove({ engagementId: world.engagement.id, id: created.id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    });

    it.each(["executive", "reviewer"] as const)("%s → FORBIDDEN for create, update and delete; nothing changes", async (who) => {
      const values = spec.values(unique());
      const created = await createAs(world, values);
      const before = await spec.count(world.engagement.id);
      signInAs(world[who]);
      expect(await spec.create({ engagementId: world.engagement.id, values: spec.values(unique()) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.change(values, "x") })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await spec.remove({ engagementId: world.engagement.id, id: created.id, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await spec.count(world.engagement.id)).toBe(before);
      expect(await spec.read(created.id)).toMatchObject({ version: 1 });
    });

    it("an outsider → NOT_FOUND for create, update and delete; nothing changes", async () => {
      const values = spec.values(unique());
      const created = await createAs(world, values);
      const before = await spec.count(world.engagement.id);
      signInAs(world.outsider);
      expect(await spec.create({ engagementId: world.engagement.id, values: spec.values(unique()) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.update({ engagementId: world.engagement.id, id: created.id, version: 1, values: spec.change(values, "x") })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.remove({ engagementId: world.engagement.id, id: created.id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.count(world.engagement.id)).toBe(before);
      expect(await spec.read(created.id)).toMatchObject({ version: 1 });
      expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, actorId: world.outsider.id } })).toBe(0);
    });

    it("a row id of another engagement → NOT_FOUND even for a lead of this one; the foreign row is untouched", async () => {
      const values = spec.values(unique());
      const foreign = await createAs(other, values);
      signInAs(world.lead);
      expect(await spec.update({ engagementId: world.engagement.id, id: foreign.id, version: 1, values: spec.change(values, "hijack") })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.remove({ engagementId: world.engagement.id, id: foreign.id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      // …and naming the other engagement directly is the outsider case
      expect(await spec.update({ engagementId: other.engagement.id, id: foreign.id, version: 1, values: spec.change(values, "hijack") })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.remove({ engagementId: other.engagement.id, id: foreign.id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await spec.read(foreign.id)).toMatchObject({ version: 1, engagementId: other.engagement.id });
      expect(await db.auditEvent.count({ where: { entityId: foreign.id } })).toBe(1);
    });

    it("an archived engagement refuses create, update and delete (CONFLICT); nothing changes", async () => {
      const archived = await createEngagementWorld(db);
      const values = spec.values(unique());
      const row = await createAs(archived, values);
      await db.engagement.update({ where: { id: archived.engagement.id }, data: { archivedAt: new Date() } });
      signInAs(archived.lead);
      const refused = { ok: false, code: "CONFLICT", message: expect.stringMatching(/archived/) };
      expect(await spec.create({ engagementId: archived.engagement.id, values: spec.values(unique()) })).toMatchObject(refused);
      expect(await spec.update({ engagementId: archived.engagement.id, id: row.id, version: 1, values: spec.change(values, "x") })).toMatchObject(refused);
      expect(await spec.remove({ engagementId: archived.engagement.id, id: row.id, version: 1 })).toMatchObject(refused);
      expect(await spec.count(archived.engagement.id)).toBe(1);
      expect(await spec.read(row.id)).toMatchObject({ version: 1 });
    });

    it("signed out → no write", async () => {
      signInAs(null);
      const before = await spec.count(world.engagement.id);
      const res = await spec.create({ engagementId: world.engagement.id, values: spec.values(unique()) }).catch((e: unknown) => ({ ok: false, thrown: e }));
      expect(res.ok).toBe(false);
      expect(await spec.count(world.engagement.id)).toBe(before);
    });
  });
}
