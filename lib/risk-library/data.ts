// Risk-library reads: built-in entries (lib/estimate's DEFAULT_RISK_LIBRARY) and the firm's own
// (RiskLibraryEntry, scoped to the organization that owns the engagement), each marked "in register"
// when the engagement already has it. A constant number of queries whatever the library size.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { DEFAULT_RISK_LIBRARY, toRiskInput } from "@/lib/estimate";
import { MIGRATION_TYPES, RiskSchema, type MigrationType, type Risk } from "@/lib/engagement-format/schema";
import { keyPart } from "@/lib/inventories/registry";
import { normalizeRiskMatrix } from "@/lib/risk-matrix/schema";
import { LIBRARY_SCALE, rescaleRisk, type LibraryEntryDto, type LibrarySource, type RegisterRiskOption } from "@/lib/risk-library/schema";
import { logError } from "@/lib/log";
import type { Db } from "@/lib/db";

type Client = Pick<Db, "riskLibraryEntry" | "risk" | "engagement" | "user">;

/** A library entry before it is matched against a register: levels on the library's 5-level scale. */
export type ResolvedEntry = {
  source: LibrarySource;
  key: string;
  appliesTo: MigrationType[];
  risk: Risk;
  createdAt: Date | null;
  createdById: string | null;
};

export function builtInEntries(): ResolvedEntry[] {
  return DEFAULT_RISK_LIBRARY.map((e) => ({
    source: "built_in" as const,
    key: e.libraryKey,
    appliesTo: [...e.appliesTo],
    risk: RiskSchema.parse({ ...toRiskInput(e), libraryKey: e.libraryKey }),
    createdAt: null,
    createdById: null,
  }));
}

const toTypes = (xs: string[]): MigrationType[] => xs.filter((x): x is MigrationType => (MIGRATION_TYPES as readonly string[]).includes(x));

/** The firm's entries; a row whose JSON no longer parses is logged and left out (never shown half-read). */
export async function findFirmEntries(organizationId: string, client: Client = db): Promise<ResolvedEntry[]> {
  const rows = await client.riskLibraryEntry.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, key: true, risk: true, appliesTo: true, createdAt: true, createdById: true },
  });
  const out: ResolvedEntry[] = [];
  for (const r of rows) {
    const parsed = RiskSchema.safeParse(r.risk);
    if (!parsed.success) {
      logError("unreadable firm risk-library entry", parsed.error, { entryId: r.id });
      continue;
    }
    out.push({ source: "firm", key: r.key, appliesTo: toTypes(r.appliesTo), risk: { ...parsed.data, libraryKey: r.key }, createdAt: r.createdAt, createdById: r.createdById });
  }
  return out;
}

/** The register's risks indexed the two ways a library entry can already be in it: its key, its title. */
export function registerIndex(risks: { id: string; title: string; libraryKey: string | null }[]) {
  const byKey = new Map<string, { riskId: string; title: string }>();
  const byTitle = new Map<string, { riskId: string; title: string }>();
  for (const r of risks) {
    if (r.libraryKey && !byKey.has(r.libraryKey)) byKey.set(r.libraryKey, { riskId: r.id, title: r.title });
    if (!byTitle.has(keyPart(r.title))) byTitle.set(keyPart(r.title), { riskId: r.id, title: r.title });
  }
  return (entry: { key: string; risk: { title: string } }) => byKey.get(entry.key) ?? byTitle.get(keyPart(entry.risk.title)) ?? null;
}

export async function findLibraryContext(engagementId: AuthorizedEngagementId, client: Client = db) {
  return client.engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: { organizationId: true, migrationType: true, riskMatrix: true, currency: true },
  });
}

/** The library page: entries (suggested for the engagement's type, or all), register risks to save to the firm library. */
export async function findRiskLibrary(engagementId: AuthorizedEngagementId, viewer: { id: string; isOrgAdmin: boolean }, opts: { show: "suggested" | "all" }) {
  const engagement = await findLibraryContext(engagementId);
  const matrix = normalizeRiskMatrix(engagement.riskMatrix);
  const [firm, registerRisks] = await Promise.all([
    findFirmEntries(engagement.organizationId),
    db.risk.findMany({ where: { engagementId }, orderBy: [{ title: "asc" }], select: { id: true, title: true, libraryKey: true } }),
  ]);
  const creatorIds = [...new Set(firm.map((e) => e.createdById).filter((x): x is string => !!x))];
  const creators = creatorIds.length
    ? await db.user.findMany({ where: { id: { in: creatorIds }, organizationId: engagement.organizationId }, select: { id: true, name: true } })
    : [];
  const creatorName = new Map(creators.map((u) => [u.id, u.name]));
  const inRegister = registerIndex(registerRisks);
  const all = [...builtInEntries(), ...firm];
  const suggestedCount = all.filter((e) => e.appliesTo.includes(engagement.migrationType)).length;
  const shown = opts.show === "all" ? all : all.filter((e) => e.appliesTo.includes(engagement.migrationType));
  const entries: LibraryEntryDto[] = shown.map((e) => ({
    source: e.source,
    key: e.key,
    appliesTo: e.appliesTo,
    risk: rescaleRisk(e.risk, LIBRARY_SCALE, matrix.size),
    createdAt: e.createdAt?.toISOString() ?? null,
    createdByName: e.createdById ? (creatorName.get(e.createdById) ?? "A former colleague") : null,
    canDelete: e.source === "firm" && (viewer.isOrgAdmin || e.createdById === viewer.id),
    inRegister: inRegister(e),
  }));
  const firmTitles = new Set(firm.map((e) => keyPart(e.risk.title)));
  const firmKeys = new Set(firm.map((e) => e.key));
  const register: RegisterRiskOption[] = registerRisks.map((r) => ({
    ...r,
    isInFirmLibrary: firmTitles.has(keyPart(r.title)) || (r.libraryKey !== null && firmKeys.has(r.libraryKey)),
  }));
  return {
    migrationType: engagement.migrationType,
    currency: engagement.currency,
    matrix,
    entries,
    suggestedCount,
    suggestedNotInRegister: all.filter((e) => e.appliesTo.includes(engagement.migrationType) && !inRegister(e)).length,
    totalCount: all.length,
    register,
  };
}
export type RiskLibraryPage = Awaited<ReturnType<typeof findRiskLibrary>>;
