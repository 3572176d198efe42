// DTOs of the estimate pages (client-safe types; the reads live in lib/estimates/data.ts).
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import type { Estimate } from "@/lib/estimate";
import type { EstimateView } from "@/lib/estimates/view";
import type { EstimateComparison } from "@/lib/estimates/compare";
import type { DocumentDiff } from "@/lib/estimates/input-diff";
import type { EstimateTimings } from "@/lib/estimates/schema";

export type EstimatePageData = {
  view: EstimateView;
  timings: EstimateTimings;
  /** the optional targets of the assumptions (the page shows the probability of meeting them) */
  targets: { goLive: string | null; budgetCents: number | null };
  /** set while the inputs changed and the shown numbers are the previous inputs' (a recomputation runs) */
  updating: { shownComputedAt: string } | null;
};

export type BaselineListItem = {
  id: string;
  name: string;
  seed: number;
  iterations: number;
  createdAt: string;
  createdByName: string;
  p50Months: number | null;
  p80Months: number | null;
  p50CostCents: number | null;
  p80CostCents: number | null;
  migrationType: string | null;
};

export type Baseline = {
  id: string;
  engagementId: string;
  name: string;
  seed: number;
  iterations: number;
  createdAt: string;
  createdByName: string;
  /** the inputs as they were (EngagementDocument) */
  document: EngagementDocument;
  /** the full engine output as it was */
  estimate: Estimate;
};

export type BaselineComparison = {
  baseline: Omit<Baseline, "document" | "estimate"> & { engineVersion: string };
  /** the current estimate, computed with the baseline's seed and iterations so only inputs differ */
  current: EstimateView;
  then: EstimateView;
  comparison: EstimateComparison;
  inputs: DocumentDiff;
  /** the input changes in plain words (money hidden for roles without rates.view) */
  inputChanges: string[];
  timings: EstimateTimings;
};

