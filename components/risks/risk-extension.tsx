// What the risk register's view adds to its definition: the inherent and residual scores on the engagement's
// matrix as computed columns, overdue reviews in red, an owner missing on an open risk said, and its own form
// (levels on the matrix, money, three-point impacts: components/risks/risk-form.tsx).
import { AlertTriangle } from "lucide-react";
import { formatDate } from "@/components/ui/format";
import { ScoreBadge } from "@/components/risks/score-badge";
import { RiskFields, RISK_FIELD_LABELS } from "@/components/risks/risk-form";
import { defineExtension, type FieldsProps } from "@/components/inventories/extension";
import { COST_IMPACT_KIND_LABELS, RISK_FLAG_LABELS, emptyRiskForm, makeRiskFormSchema, riskToForm, type RiskFormState, type RiskRow } from "@/lib/risks/schema";
import { isOverdue, residualScore, riskScore } from "@/lib/risks/score";
import { RISK_CATEGORY_LABELS, WORKSTREAM_LABELS, labelOf } from "@/lib/inventories/labels";
import type { ViewContext } from "@/components/inventories/extension";

const today = (c: ViewContext) => c.today ?? new Date().toISOString().slice(0, 10);
const size = (c: ViewContext) => c.matrix?.size ?? 5;

function RiskFormFields(p: FieldsProps<RiskFormState>) {
  return <RiskFields {...p} matrix={p.context.matrix!} currency={p.context.currency ?? "USD"} today={today(p.context)} />;
}

export const RISK_EXTENSION = defineExtension<RiskRow, RiskFormState>({
  rowName: (r) => r.title,
  subtitle: (r) => `${labelOf(RISK_CATEGORY_LABELS, r.category)} · ${r.phase}`,
  computed: (c) => [
    { before: "title", column: { id: "score", header: "Score", sortKey: "score", firstDir: "desc", cell: (r) => <ScoreBadge score={riskScore(r.likelihood as number, r.impact as number)} size={size(c)} /> } },
    { before: "treatment", column: { id: "residual", header: "Residual", sortKey: "residualScore", firstDir: "desc", cell: (r) => <ScoreBadge score={residualScore(r as RiskRow)} size={size(c)} showBand={false} /> } },
  ],
  cells: {
    owner: (r) => r.owner || <span className={r.status === "closed" ? "text-ink-400" : "text-amber-700"}>No owner</span>,
    nextReviewDate: (r, c) =>
      isOverdue(r, today(c)) ? (
        <span className="inline-flex items-center gap-1 whitespace-nowrap font-medium text-red-700">
          <AlertTriangle className="size-3.5" aria-hidden /> {formatDate(r.nextReviewDate)} <span className="sr-only">(overdue)</span>
        </span>
      ) : (
        <span className="whitespace-nowrap">{r.nextReviewDate ? formatDate(r.nextReviewDate) : <span className="text-ink-400">—</span>}</span>
      ),
  },
  flags: RISK_FLAG_LABELS,
  rowClassName: (r, c) => (isOverdue(r, today(c)) ? "bg-red-50/50" : r.status === "closed" ? "text-ink-500" : undefined),
  empty: {
    icon: <AlertTriangle className="size-8" />,
    title: "No risks yet",
    addLabel: "Add a risk",
    body: (
      <>
        Start from the library of failure modes seen most often in EMR cutovers — vendor services scoped to data only, cutover compressed by license
        overlap, audit trail neither migrated nor archived, pilot truncated — or add your own.
      </>
    ),
  },
  form: {
    empty: emptyRiskForm,
    toForm: riskToForm,
    schema: (c) => makeRiskFormSchema(c.matrix?.size),
    Fields: RiskFormFields,
    labels: RISK_FIELD_LABELS,
    vocabularies: { costKind: COST_IMPACT_KIND_LABELS, costWorkstream: WORKSTREAM_LABELS },
  },
  width: "lg",
});
