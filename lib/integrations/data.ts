// Integration-inventory reads, tenant-scoped: the generic page (lib/inventories/data.ts); totals are one groupBy.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { INTERFACE_COMPLEXITIES, SEVERITIES, TRANSITION_STRATEGIES, WORK_STATUSES } from "@/lib/engagement-format/schema";
import { INTEGRATION_DEFINITION } from "@/lib/inventories/definitions";
import { integrationFromRecord, integrationToColumns } from "@/lib/inventories/registry";
import { findRowById, findRowPage, rowStore, tallyCounts } from "@/lib/inventories/data";
import type { Page } from "@/lib/inventories/table-query";
import type { IntegrationQuery, IntegrationRow, IntegrationTotals } from "@/lib/integrations/schema";

export const integrationStore = rowStore(INTEGRATION_DEFINITION, (c) => c.integration, { fromRecord: integrationFromRecord, toColumns: integrationToColumns }, "interface");

export function findIntegrationPage(engagementId: AuthorizedEngagementId, q: IntegrationQuery): Promise<Page<IntegrationRow>> {
  return findRowPage(integrationStore, engagementId, q, { tally: tallyCounts(engagementId, "integrations") });
}

export function findIntegration(engagementId: AuthorizedEngagementId, id: string): Promise<IntegrationRow | null> {
  return findRowById(integrationStore, engagementId, id);
}

const zeros = <T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, 0])) as Record<T[number], number>;

/** Totals over the whole inventory in one groupBy (at most 3 × 4 × 4 × 4 groups). */
export async function findIntegrationTotals(engagementId: AuthorizedEngagementId): Promise<IntegrationTotals> {
  const groups = await db.integration.groupBy({
    by: ["complexity", "clinicalImpact", "transitionStrategy", "status"],
    where: { engagementId },
    _count: { _all: true },
  });
  const totals: IntegrationTotals = {
    interfaces: 0,
    byComplexity: zeros(INTERFACE_COMPLEXITIES),
    byClinicalImpact: zeros(SEVERITIES),
    byTransitionStrategy: zeros(TRANSITION_STRATEGIES),
    byStatus: zeros(WORK_STATUSES),
  };
  const add = (bucket: Record<string, number>, key: string, n: number) => {
    if (key in bucket) bucket[key] += n;
  };
  for (const g of groups) {
    const n = g._count._all;
    totals.interfaces += n;
    add(totals.byComplexity, g.complexity, n);
    add(totals.byClinicalImpact, g.clinicalImpact, n);
    add(totals.byTransitionStrategy, g.transitionStrategy, n);
    add(totals.byStatus, g.status, n);
  }
  return totals;
}
