"use client";
// The risk register table (highest score first by default) with its editor panel. Overdue reviews in red.
import { useEffect, useMemo, type ReactNode } from "react";
import { AlertTriangle } from "lucide-react";
import { formatDate, formatMoneyCents } from "@/components/ui/format";
import { DataTable, RowActions, type Column } from "@/components/inventory/data-table";
import { RiskStatusBadge } from "@/components/inventory/badges";
import { InventoryEmpty } from "@/components/inventory/inventory-empty";
import { RowEditorPanel } from "@/components/inventory/row-editor-panel";
import { InventoryHeader } from "@/components/inventory/inventory-header";
import { transferUrls } from "@/components/inventory/transfer-menu";
import { useRowEditor, type RowAction } from "@/components/inventory/use-row-editor";
import { RiskFields, RISK_FIELD_LABELS } from "@/components/risks/risk-form";
import { ScoreBadge } from "@/components/risks/score-badge";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { COST_IMPACT_KIND_LABELS, RISK_FLAG_LABELS, emptyRiskForm, makeRiskFormSchema, riskToForm, type RiskFormState, type RiskRow } from "@/lib/risks/schema";
import { isOverdue, residualScore, riskScore } from "@/lib/risks/score";
import { PHASE_LABELS, RISK_CATEGORY_LABELS, RISK_SCOPE_LABELS, RISK_STATUS_LABELS, TREATMENT_LABELS, WORKSTREAM_LABELS, labelOf, optionsFrom } from "@/lib/inventories/labels";
import type { Page, SortDirection } from "@/lib/inventories/table-query";

const rowName = (r: RiskRow) => r.title;

const vocab: Record<string, Readonly<Record<string, string>>> = {
  category: RISK_CATEGORY_LABELS,
  phase: PHASE_LABELS,
  scope: RISK_SCOPE_LABELS,
  treatment: TREATMENT_LABELS,
  status: RISK_STATUS_LABELS,
  costKind: COST_IMPACT_KIND_LABELS,
  costWorkstream: WORKSTREAM_LABELS,
};

export function RiskRegisterView(props: {
  title: string;
  description?: string;
  subnav?: ReactNode;
  totals: ReactNode;
  engagementId: string;
  matrix: RiskMatrix;
  currency: string;
  today: string;
  page: Page<RiskRow>;
  sort: { key: string; dir: SortDirection };
  params: Record<string, string>;
  inventoryTotal: number;
  canImport: boolean;
  canExport: boolean;
  canUseLibrary: boolean;
  /** The risk named by `?risk=<id>` (already checked to belong to this engagement): its panel opens on arrival. */
  focusRisk?: RiskRow | null;
  actions: { create: RowAction; update: RowAction; remove: RowAction<undefined> } | null;
}) {
  const { engagementId, actions, matrix, currency, today } = props;
  const schema = useMemo(() => makeRiskFormSchema(matrix.size), [matrix.size]);
  const editor = useRowEditor<RiskFormState, RiskRow>({
    engagementId,
    noun: "risk",
    empty: emptyRiskForm,
    toForm: riskToForm,
    schema,
    rowName,
    create: actions?.create,
    update: actions?.update,
    remove: actions?.remove,
  });
  const canEdit = actions !== null;
  const { focusRisk } = props;
  const { openEdit } = editor;
  // Open once per linked risk id (a refresh after saving brings the same id back and must not reopen it).
  const focusId = focusRisk?.id;
  useEffect(() => {
    if (focusRisk) openEdit(focusRisk);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the id on purpose, see above
  }, [focusId]);
  const describe = (field: string, value: unknown): string => {
    if (value === "" || value === null || value === undefined) return "(empty)";
    if (vocab[field]) return labelOf(vocab[field], String(value));
    return String(value);
  };

  const columns: Column<RiskRow>[] = [
    { id: "score", header: "Score", sortKey: "score", firstDir: "desc", cell: (r) => <ScoreBadge score={riskScore(r.likelihood, r.impact)} size={matrix.size} /> },
    {
      id: "title",
      header: "Risk",
      sortKey: "title",
      className: "min-w-64",
      cell: (r) => (
        <div>
          <button type="button" className="text-left font-medium text-ink-900 hover:text-brand-700 hover:underline" onClick={() => editor.openEdit(r)}>
            {r.title}
          </button>
          <div className="text-xs text-ink-500">
            {labelOf(RISK_CATEGORY_LABELS, r.category)} · {r.phase}
          </div>
        </div>
      ),
    },
    { id: "residual", header: "Residual", sortKey: "residualScore", firstDir: "desc", cell: (r) => <ScoreBadge score={residualScore(r)} size={matrix.size} showBand={false} /> },
    { id: "treatment", header: "Treatment", sortKey: "treatment", cell: (r) => labelOf(TREATMENT_LABELS, r.treatment) },
    { id: "owner", header: "Owner", sortKey: "owner", cell: (r) => r.owner || <span className={r.status === "closed" ? "text-ink-400" : "text-amber-700"}>No owner</span> },
    {
      id: "review",
      header: "Next review",
      sortKey: "nextReviewDate",
      cell: (r) =>
        isOverdue(r, today) ? (
          <span className="inline-flex items-center gap-1 whitespace-nowrap font-medium text-red-700">
            <AlertTriangle className="size-3.5" aria-hidden /> {formatDate(r.nextReviewDate)} <span className="sr-only">(overdue)</span>
          </span>
        ) : (
          <span className="whitespace-nowrap">{r.nextReviewDate ? formatDate(r.nextReviewDate) : <span className="text-ink-400">—</span>}</span>
        ),
    },
    { id: "cost", header: "Mitigation", sortKey: "mitigationCostCents", firstDir: "desc", align: "right", cell: (r) => (r.mitigationCostCents ? formatMoneyCents(r.mitigationCostCents, currency) : <span className="text-ink-400">—</span>) },
    { id: "status", header: "Status", sortKey: "status", cell: (r) => <RiskStatusBadge value={r.status} /> },
    ...(canEdit ? [{ id: "actions", header: <span className="sr-only">Actions</span>, cell: (r: RiskRow) => <RowActions name={r.title} onEdit={() => editor.openEdit(r)} onDelete={() => editor.deletion.ask(r)} /> }] : []),
  ];

  const urls = transferUrls(engagementId, "risks");
  const libraryHref = props.canUseLibrary ? `/engagements/${engagementId}/risks/library` : undefined;
  return (
    <>
      <InventoryHeader
        title={props.title}
        description={props.description}
        engagementId={engagementId}
        inventory="risks"
        canImport={props.canImport}
        canExport={props.canExport}
        addLabel="Add risk"
        onAdd={canEdit ? () => editor.openCreate() : undefined}
      />
      {props.subnav}
      {props.totals}
      <DataTable
        label="Risks"
        noun={["risk", "risks"]}
        columns={columns}
        rows={props.page.rows}
        rowKey={(r) => r.id}
        page={props.page}
        sort={props.sort}
        params={props.params}
        inventoryTotal={props.inventoryTotal}
        highlightKey={focusId}
        searchPlaceholder="Search risks…"
        filters={[
          { name: "status", label: "Status", options: optionsFrom(RISK_STATUS_LABELS) },
          { name: "category", label: "Category", options: optionsFrom(RISK_CATEGORY_LABELS) },
          { name: "treatment", label: "Treatment", options: optionsFrom(TREATMENT_LABELS) },
          { name: "phase", label: "Phase", options: optionsFrom(PHASE_LABELS) },
          { name: "flag", label: "Needs attention", options: optionsFrom(RISK_FLAG_LABELS) },
        ]}
        rowClassName={(r) => (isOverdue(r, today) ? "bg-red-50/50" : r.status === "closed" ? "text-ink-500" : undefined)}
        empty={
          <InventoryEmpty
            icon={<AlertTriangle className="size-8" />}
            title="No risks yet"
            addLabel="Add a risk"
            onAdd={canEdit ? () => editor.openCreate() : undefined}
            importHref={props.canImport ? urls.importPage : undefined}
            libraryHref={canEdit ? libraryHref : undefined}
          >
            Start from the library of failure modes seen most often in EMR cutovers — vendor services scoped to data only, cutover
            compressed by license overlap, audit trail neither migrated nor archived, pilot truncated — or add your own.
          </InventoryEmpty>
        }
      />
      <RowEditorPanel editor={editor} noun="risk" rowName={rowName} toForm={riskToForm} fieldLabels={RISK_FIELD_LABELS} describe={describe} width="lg">
        <RiskFields state={editor.state} errors={editor.errors} setField={editor.setField} readOnly={editor.isReadOnly} matrix={matrix} currency={currency} today={today} />
      </RowEditorPanel>
    </>
  );
}
