// Reads of the type-decision checklist.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { readTypeDecisionAnswers, type TypeDecisionChecklistDto } from "@/lib/type-decision/schema";

export const typeDecisionSelect = { typeDecision: true, typeDecisionVersion: true } as const;

export function toChecklistDto(row: { typeDecision: unknown; typeDecisionVersion: number }): TypeDecisionChecklistDto {
  return { values: readTypeDecisionAnswers(row.typeDecision), version: row.typeDecisionVersion };
}

export async function findTypeDecisionChecklist(engagementId: AuthorizedEngagementId): Promise<TypeDecisionChecklistDto> {
  const row = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: typeDecisionSelect });
  return toChecklistDto(row);
}
