// The audit log's hash chains verify, and tampering (possible only by disabling the append-only trigger,
// as a database superuser would) is reported at the first broken link.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { verifyAuditChains } from "@/lib/audit/verify";
import { createOrganization } from "@/lib/factories";

describe("audit:verify", () => {
  it("reports intact chains, then the first tampered entry of a chain", async () => {
    const org = await createOrganization(db);
    for (let i = 0; i < 4; i++) await recordAuditEvent({ organizationId: org.id, action: "test.event", changes: { i } });
    const chainKey = `org:${org.id}`;

    const intact = (await verifyAuditChains(2)).find((r) => r.chainKey === chainKey);
    expect(intact).toEqual({ chainKey, entries: 4, broken: null });

    const rows = await db.auditEvent.findMany({ where: { chainKey }, orderBy: { id: "asc" }, select: { id: true } });
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "changes" = '{"i": 99}' WHERE id = ${rows[2]!.id}`).rejects.toThrow();
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
      await tx.$executeRaw`UPDATE "AuditEvent" SET "changes" = '{"i": 99}' WHERE id = ${rows[2]!.id}`;
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    });

    const report = (await verifyAuditChains(2)).find((r) => r.chainKey === chainKey);
    expect(report?.broken).toEqual({ id: rows[2]!.id.toString(), reason: expect.stringContaining("content") });
  });
});
