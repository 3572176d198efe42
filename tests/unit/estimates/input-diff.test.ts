// Which inputs changed between two engagement documents (rows matched by natural key), in plain words.
import { describe, expect, it } from "vitest";
import { describeDocumentDiff, diffEngagementDocuments, diffInventoryRows } from "@/lib/estimates/input-diff";
import { fixture } from "./helpers";

describe("diffEngagementDocuments", () => {
  it("identical documents: nothing changed", () => {
    const d = diffEngagementDocuments(fixture(), fixture());
    expect(d.isEmpty).toBe(true);
    expect(describeDocumentDiff(d)).toEqual([]);
    expect(d.inventories.find((i) => i.inventory === "integrations")).toMatchObject({ before: 20, after: 20 });
  });

  it("profile, rows added/removed/changed by natural key, audit policy, assumptions", () => {
    const before = fixture();
    const after = fixture();
    after.engagement.profile.providers = 64;
    after.engagement.migrationType = "B";
    after.integrations.push({ ...after.integrations[0]!, name: "Quest lab results (new)" });
    const removed = after.integrations.splice(1, 1)[0]!;
    after.integrations[2] = { ...after.integrations[2]!, complexity: "complex", name: after.integrations[2]!.name.toUpperCase() }; // same key: case-insensitive
    after.dataEntities[0] = { ...after.dataEntities[0]!, recordCount: 999_999 };
    after.auditTrail = { ...after.auditTrail!, policy: "archive" };
    after.assumptions.teamFte = 8;
    after.assumptions.constants["testing.share"] = 0.3;
    after.assumptions.ratesCents.data_migration = 15_000;
    const d = diffEngagementDocuments(before, after);
    expect(d.isEmpty).toBe(false);
    expect(d.engagement.map((c) => c.field)).toEqual(["migrationType", "providers"]);
    const integ = d.inventories.find((i) => i.inventory === "integrations")!;
    expect(integ.added.map((r) => r.label)).toEqual(["Quest lab results (new)"]);
    expect(integ.removed.map((r) => r.label)).toEqual([removed.name]);
    expect(integ.changed).toHaveLength(1);
    expect(integ.changed[0]!.fields.map((f) => f.field).sort()).toEqual(["complexity", "name"]);
    const data = d.inventories.find((i) => i.inventory === "data")!;
    expect(data.changed[0]!.fields).toEqual([expect.objectContaining({ field: "recordCount", to: 999_999 })]);
    expect(d.auditTrail).toEqual([expect.objectContaining({ field: "policy", to: "archive" })]);
    expect(Object.keys(d.assumptions).sort()).toEqual(["constants.testing.share", "ratesCents.data_migration", "teamFte"]);

    const words = describeDocumentDiff(d);
    expect(words).toContain("Migration type: “A” → “B”.");
    expect(words).toContain("Providers: 60 → 64.");
    expect(words).toContain("1 integration added: Quest lab results (new).");
    expect(words).toContain(`1 integration removed: ${removed.name}.`);
    expect(words.some((w) => w.startsWith("1 data entity changed:") && w.includes("record count"))).toBe(true);
    expect(words).toContain("Audit-trail policy: “migrate” → “archive”.".replace("migrate", before.auditTrail!.policy));
    expect(words).toContain("Team size (FTE): 12 → 8.");
    expect(words).toContain("Labor rate — Data migration: $125/h → $150/h.");
    expect(words.some((w) => w.startsWith("Testing effort (testing.share): 0.2"))).toBe(true);

    const hidden = describeDocumentDiff(d, { hideMoney: true });
    expect(hidden).toContain("Labor rate — Data migration changed (amounts hidden for your role).");
    expect(hidden.join(" ")).not.toMatch(/\$1[25]0/);
  });

  it("long lists are shortened", () => {
    const before = fixture();
    const after = fixture();
    after.reports = [];
    const words = describeDocumentDiff(diffEngagementDocuments(before, after));
    expect(words[0]).toMatch(/^60 reports removed: .+; .+; .+ and 57 more\.$/);
  });

  it("rows with the same natural key twice are both kept", () => {
    const row = fixture().risks[0]!;
    const d = diffInventoryRows("risks", [row], [row, { ...row }]);
    expect(d.added).toHaveLength(1);
    expect(d.added[0]!.key.endsWith("#2")).toBe(true);
  });
});
