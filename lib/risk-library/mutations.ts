// Risk-library writes: add an entry to an engagement's register (once), add all suggested entries,
// save a register risk to the firm's library, delete a firm entry. Audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent } from "@/lib/audit/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import { RiskSchema, type MigrationType, type Risk } from "@/lib/engagement-format/schema";
import { keyPart, riskFromRecord, riskToColumns } from "@/lib/inventories/registry";
import { normalizeRiskMatrix } from "@/lib/risk-matrix/schema";
import { builtInEntries, findFirmEntries, findLibraryContext, registerIndex, type ResolvedEntry } from "@/lib/risk-library/data";
import { LIBRARY_SCALE, firmEntryKey, rescaleRisk, type LibrarySource } from "@/lib/risk-library/schema";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type LibraryActor = { id: string; email: string; role: Role; organizationId: string; isOrgAdmin: boolean };

const auditActor = (a: LibraryActor) => ({ id: a.id, email: a.email, role: a.role });

/** Serializes register inserts per engagement so "already in the register" is checked and acted on atomically. */
async function lockRegister(tx: Tx, engagementId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`risk-register:${engagementId}`}, 0))`;
}

async function createRiskFromEntry(tx: Tx, engagementId: AuthorizedEngagementId, actor: LibraryActor, entry: ResolvedEntry, matrixSize: number, requestId: string) {
  const risk: Risk = RiskSchema.parse({ ...rescaleRisk(entry.risk, LIBRARY_SCALE, matrixSize), libraryKey: entry.key });
  const cols = riskToColumns(risk);
  const created = await tx.risk.create({
    data: {
      ...cols,
      engagementId,
      // nullable JSON columns take Prisma.DbNull for SQL NULL
      scheduleImpactWeeks: risk.scheduleImpactWeeks ?? Prisma.DbNull,
      costImpact: risk.costImpact ?? Prisma.DbNull,
    },
    select: { id: true, title: true },
  });
  await appendAuditEvent(tx, {
    organizationId: actor.organizationId,
    engagementId,
    actor: auditActor(actor),
    action: "risk.create",
    entityType: "risk",
    entityId: created.id,
    changes: { via: `risk library (${entry.source === "built_in" ? "built-in" : "firm"})`, libraryKey: entry.key, title: risk.title, likelihood: risk.likelihood, impact: risk.impact, probability: risk.probability },
    requestId,
  });
  return created;
}

async function loadRegister(tx: Tx, engagementId: AuthorizedEngagementId) {
  return tx.risk.findMany({ where: { engagementId }, select: { id: true, title: true, libraryKey: true } });
}

/** One click "Add to register". Already there (same library key or same title) → CONFLICT, nothing created. */
export async function addRiskFromLibrary(engagementId: AuthorizedEngagementId, actor: LibraryActor, input: { source: LibrarySource; key: string }, requestId = "") {
  try {
    return await db.$transaction(async (tx) => {
      await lockRegister(tx, engagementId);
      const engagement = await findLibraryContext(engagementId, tx);
      const entry =
        input.source === "built_in"
          ? builtInEntries().find((e) => e.key === input.key)
          : (await findFirmEntries(engagement.organizationId, tx)).find((e) => e.key === input.key);
      if (!entry) throw new AppError("NOT_FOUND", "That library entry does not exist (it may have been removed from the firm library).");
      const existing = registerIndex(await loadRegister(tx, engagementId))(entry);
      if (existing) throw new AppError("CONFLICT", `Already in the register as “${existing.title}”. Nothing was added.`, existing);
      const created = await createRiskFromEntry(tx, engagementId, actor, entry, normalizeRiskMatrix(engagement.riskMatrix).size, requestId);
      return { riskId: created.id, title: created.title };
    });
  } catch (err) {
    // belt and braces: the advisory lock makes this unreachable between app instances sharing the database
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "A risk with this title is already in the register. Nothing was added.");
    throw err;
  }
}

/** "Add all suggested for Type X": every built-in and firm entry for the type that is not in the register yet. */
export async function addSuggestedRisks(engagementId: AuthorizedEngagementId, actor: LibraryActor, migrationType: MigrationType, requestId = "") {
  return db.$transaction(async (tx) => {
    await lockRegister(tx, engagementId);
    const engagement = await findLibraryContext(engagementId, tx);
    const size = normalizeRiskMatrix(engagement.riskMatrix).size;
    const candidates = [...builtInEntries(), ...(await findFirmEntries(engagement.organizationId, tx))].filter((e) => e.appliesTo.includes(migrationType));
    const register = await loadRegister(tx, engagementId);
    const added: string[] = [];
    const skipped: string[] = [];
    for (const entry of candidates) {
      // re-index after each insert: two entries with the same title must not both go in
      const existing = registerIndex(register)(entry);
      if (existing) {
        skipped.push(entry.risk.title);
        continue;
      }
      const created = await createRiskFromEntry(tx, engagementId, actor, entry, size, requestId);
      register.push({ id: created.id, title: created.title, libraryKey: entry.key });
      added.push(created.title);
    }
    return { added, skipped };
  });
}

/**
 * "Save this risk to the firm library": a copy of the register risk, without what belongs to this
 * engagement only (owner, review date, status), levels rescaled to the library's 5-level scale.
 * The same title twice (or a built-in title) → CONFLICT.
 */
export async function saveRiskToFirmLibrary(engagementId: AuthorizedEngagementId, actor: LibraryActor, input: { riskId: string; appliesTo: MigrationType[] }, requestId = "") {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.risk.findFirst({ where: { id: input.riskId, engagementId } });
      if (!row) throw new AppError("NOT_FOUND", "That risk does not exist on this engagement (it may have been deleted).");
      const engagement = await findLibraryContext(engagementId, tx);
      const risk = riskFromRecord(row as unknown as Record<string, unknown>);
      const key = firmEntryKey(risk.title);
      if (builtInEntries().some((e) => keyPart(e.risk.title) === keyPart(risk.title))) {
        throw new AppError("CONFLICT", `The built-in library already has “${risk.title}”. Give your variant its own title to save it.`);
      }
      const firm = await findFirmEntries(engagement.organizationId, tx);
      const same = firm.find((e) => e.key === key || keyPart(e.risk.title) === keyPart(risk.title));
      if (same) throw new AppError("CONFLICT", `Your firm's library already has “${same.risk.title}”.`);
      const template: Risk = RiskSchema.parse({
        ...rescaleRisk(risk, normalizeRiskMatrix(engagement.riskMatrix).size, LIBRARY_SCALE),
        owner: "",
        nextReviewDate: null,
        status: "open",
        libraryKey: key,
      });
      const appliesTo = [...new Set(input.appliesTo)].sort();
      const created = await tx.riskLibraryEntry.create({
        // INVARIANT: the organization is the engagement's, read from the database — never from input.
        data: { organizationId: engagement.organizationId, key, risk: template as unknown as Prisma.InputJsonValue, appliesTo, createdById: actor.id },
        select: { id: true, key: true },
      });
      await appendAuditEvent(tx, {
        organizationId: actor.organizationId,
        engagementId,
        actor: auditActor(actor),
        action: "risk_library.add",
        entityType: "risk_library_entry",
        entityId: created.id,
        changes: { title: risk.title, key, appliesTo, fromRisk: row.id },
        requestId,
      });
      return { key: created.key, title: risk.title };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "Your firm's library already has a risk with this title.");
    throw err;
  }
}

/** Remove a firm entry: its author or an organization admin. Risks already added from it stay in their registers. */
export async function deleteFirmLibraryEntry(engagementId: AuthorizedEngagementId, actor: LibraryActor, key: string, requestId = "") {
  return db.$transaction(async (tx) => {
    const engagement = await findLibraryContext(engagementId, tx);
    const entry = await tx.riskLibraryEntry.findFirst({ where: { organizationId: engagement.organizationId, key }, select: { id: true, createdById: true, risk: true } });
    if (!entry) throw new AppError("NOT_FOUND", "That library entry no longer exists.");
    if (!actor.isOrgAdmin && entry.createdById !== actor.id) throw new AppError("FORBIDDEN", "Only the person who saved this entry or an organization admin can remove it.");
    await tx.riskLibraryEntry.delete({ where: { id: entry.id } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: auditActor(actor),
      action: "risk_library.delete",
      entityType: "risk_library_entry",
      entityId: entry.id,
      changes: { key, title: (entry.risk as { title?: unknown } | null)?.title ?? null },
      requestId,
    });
  });
}
