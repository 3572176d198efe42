// Assumptions reads: the engagement's stored assumptions as form values (effective values, defaults
// prefilled), redacted field by field for roles without rates.view (labor rates and license fees).
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { can, type Role } from "@/lib/auth/access-matrix";
import { AssumptionsSchema, type Assumptions, type MigrationType } from "@/lib/engagement-format/schema";
import { toFormValues, unknownConstantKeys, type AssumptionsDto } from "@/lib/assumptions/schema";

export type { AssumptionsDto };

export const assumptionsSelect = {
  id: true,
  migrationType: true,
  plannedStart: true,
  providers: true,
  locations: true,
  staffUsers: true,
  sourceSystem: true,
  currency: true,
  assumptions: true,
  assumptionsVersion: true,
  updatedAt: true,
} as const;

type AssumptionsRecord = {
  id: string;
  migrationType: MigrationType;
  plannedStart: Date;
  providers: number;
  locations: number;
  staffUsers: number;
  sourceSystem: string;
  currency: string;
  assumptions: unknown;
  assumptionsVersion: number;
};

/** Stored JSON → the contract's Assumptions (defaults filled in). An unreadable document reads as the defaults. */
export function readAssumptions(json: unknown): Assumptions {
  const parsed = AssumptionsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : AssumptionsSchema.parse({});
}

export function toAssumptionsDto(row: AssumptionsRecord, role: Role): AssumptionsDto {
  const a = readAssumptions(row.assumptions);
  const canSeeRates = can(role, "rates.view");
  return {
    engagementId: row.id,
    version: row.assumptionsVersion,
    migrationType: row.migrationType,
    plannedStart: row.plannedStart.toISOString().slice(0, 10),
    currency: row.currency,
    sourceSystem: row.sourceSystem,
    profile: { providers: row.providers, locations: row.locations, staffUsers: row.staffUsers },
    canSeeRates,
    values: toFormValues(a, { canSeeRates }),
    unknownConstantKeys: unknownConstantKeys(a),
  };
}

/** The assumptions page's data, redacted for `role` (clinical reviewers see no rates or license fees). */
export async function findAssumptions(engagementId: AuthorizedEngagementId, role: Role): Promise<AssumptionsDto> {
  const row = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: assumptionsSelect });
  return toAssumptionsDto(row, role);
}
