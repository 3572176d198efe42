// Where the risk register's writes differ from the generic ones (lib/inventories/mutations.ts): levels are
// checked against the engagement's matrix, and a JSON impact cleared is written as SQL NULL.
// INVARIANT: libraryKey is set only by "add from the library" (lib/risk-library); edits here keep it.
import "server-only";
import { AppError } from "@/lib/errors";
import type { Risk } from "@/lib/engagement-format/schema";
import { riskToColumns } from "@/lib/inventories/registry";
import type { RowWriteHooks, Tx } from "@/lib/inventories/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RiskFormValues } from "@/lib/risks/schema";
import { readRiskMatrix } from "@/lib/risks/score";

/** The row's columns; a null JSON value is written as SQL NULL (Prisma.DbNull), so clearing it sticks. */
function columns(row: Risk) {
  const c = riskToColumns(row);
  return {
    ...c,
    scheduleImpactWeeks: c.scheduleImpactWeeks === null ? Prisma.DbNull : (c.scheduleImpactWeeks as Prisma.InputJsonValue),
    costImpact: c.costImpact === null ? Prisma.DbNull : (c.costImpact as Prisma.InputJsonValue),
  };
}

async function assertLevelsOnMatrix(tx: Tx, engagementId: string, values: RiskFormValues) {
  const e = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { riskMatrix: true } });
  const { size } = readRiskMatrix(e.riskMatrix);
  const errors: Record<string, string[]> = {};
  for (const field of ["likelihood", "impact", "residualLikelihood", "residualImpact"] as const) {
    const level = values[field];
    if (level !== null && level > size) errors[field] = [`Choose a level from 1 to ${size} (this engagement's matrix is ${size} × ${size})`];
  }
  if (Object.keys(errors).length) throw new AppError("INVALID", "Some levels are outside this engagement's risk matrix.", errors);
}

/** The risk register's writes: the generic ones, with the matrix check and the library key kept. */
export const riskWriteHooks: RowWriteHooks<RiskFormValues> = {
  after: (values, before) => ({ ...values, libraryKey: (before?.libraryKey as string | null | undefined) ?? null }),
  columns: (row) => columns(row as Risk),
  validate: assertLevelsOnMatrix,
};
