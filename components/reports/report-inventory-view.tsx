"use client";
// The report inventory table with its editor panel; regulatory reports without a plan are flagged in red.
import type { ReactNode } from "react";
import { AlertTriangle, Check, FileBarChart } from "lucide-react";
import { DataTable, RowActions, type Column } from "@/components/inventory/data-table";
import { ComplexityBadge, VocabBadge, WorkStatusBadge } from "@/components/inventory/badges";
import { InventoryEmpty } from "@/components/inventory/inventory-empty";
import { RowEditorPanel } from "@/components/inventory/row-editor-panel";
import { InventoryHeader } from "@/components/inventory/inventory-header";
import { transferUrls } from "@/components/inventory/transfer-menu";
import { useRowEditor, type RowAction } from "@/components/inventory/use-row-editor";
import { ReportFields, REPORT_FIELD_LABELS } from "@/components/reports/report-form";
import { REPORT_FLAG_LABELS, ReportFormSchema, emptyReportForm, isRegulatoryWithoutPlan, reportToForm, type ReportFormState, type ReportRow } from "@/lib/reports/schema";
import { COMPLEXITY_LABELS, FREQUENCY_LABELS, REPORT_KIND_LABELS, WORK_STATUS_LABELS, labelOf, optionsFrom } from "@/lib/inventories/labels";
import type { Page, SortDirection } from "@/lib/inventories/table-query";

const rowName = (r: ReportRow) => r.name;
const KIND_TONES = { operational: "neutral", financial: "neutral", clinical_dashboard: "brand", regulatory: "violet" } as const;

const vocab: Record<string, Readonly<Record<string, string>>> = { kind: REPORT_KIND_LABELS, frequency: FREQUENCY_LABELS, complexity: COMPLEXITY_LABELS, status: WORK_STATUS_LABELS };
const describe = (field: string, value: unknown): string => {
  if (value === "" || value === null || value === undefined) return "(empty)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return vocab[field] ? labelOf(vocab[field], String(value)) : String(value);
};

export function ReportInventoryView(props: {
  title: string;
  description?: string;
  totals: ReactNode;
  engagementId: string;
  page: Page<ReportRow>;
  sort: { key: string; dir: SortDirection };
  params: Record<string, string>;
  inventoryTotal: number;
  canImport: boolean;
  canExport: boolean;
  actions: { create: RowAction; update: RowAction; remove: RowAction<undefined> } | null;
}) {
  const { engagementId, actions } = props;
  const editor = useRowEditor<ReportFormState, ReportRow>({
    engagementId,
    noun: "report",
    empty: emptyReportForm,
    toForm: reportToForm,
    schema: ReportFormSchema,
    rowName,
    create: actions?.create,
    update: actions?.update,
    remove: actions?.remove,
  });
  const canEdit = actions !== null;

  const columns: Column<ReportRow>[] = [
    {
      id: "name",
      header: "Report",
      sortKey: "name",
      className: "min-w-56",
      cell: (r) => (
        <div>
          <button type="button" className="text-left font-medium text-ink-900 hover:text-brand-700 hover:underline" onClick={() => editor.openEdit(r)}>
            {r.name}
          </button>
          {r.consumers ? <div className="text-xs text-ink-500">For {r.consumers}</div> : null}
        </div>
      ),
    },
    { id: "kind", header: "Kind", sortKey: "kind", firstDir: "desc", cell: (r) => <VocabBadge value={r.kind} labels={REPORT_KIND_LABELS} tones={KIND_TONES} /> },
    { id: "frequency", header: "Frequency", sortKey: "frequency", cell: (r) => labelOf(FREQUENCY_LABELS, r.frequency) },
    { id: "complexity", header: "Complexity", sortKey: "complexity", cell: (r) => <ComplexityBadge value={r.complexity} /> },
    {
      id: "plan",
      header: "Reproducibility plan",
      className: "max-w-72",
      cell: (r) =>
        isRegulatoryWithoutPlan(r) ? (
          <span className="inline-flex items-center gap-1 whitespace-nowrap font-medium text-red-700">
            <AlertTriangle className="size-4" aria-hidden /> Missing — regulatory
          </span>
        ) : r.reproducibilityPlan ? (
          <span className="line-clamp-2 text-ink-600" title={r.reproducibilityPlan}>{r.reproducibilityPlan}</span>
        ) : (
          <span className="text-amber-700">Not yet</span>
        ),
    },
    { id: "parallel", header: "Parallel run", cell: (r) => (r.parallelValidation ? <span className="inline-flex items-center gap-1 text-emerald-700"><Check className="size-4" aria-hidden /> Yes</span> : <span className="text-ink-400">No</span>) },
    { id: "status", header: "Status", sortKey: "status", cell: (r) => <WorkStatusBadge value={r.status} /> },
    ...(canEdit ? [{ id: "actions", header: <span className="sr-only">Actions</span>, cell: (r: ReportRow) => <RowActions name={r.name} onEdit={() => editor.openEdit(r)} onDelete={() => editor.deletion.ask(r)} /> }] : []),
  ];

  const urls = transferUrls(engagementId, "reports");
  return (
    <>
      <InventoryHeader
        title={props.title}
        description={props.description}
        engagementId={engagementId}
        inventory="reports"
        canImport={props.canImport}
        canExport={props.canExport}
        addLabel="Add report"
        onAdd={canEdit ? () => editor.openCreate() : undefined}
      />
      {props.totals}
      <DataTable
        label="Reports"
        noun={["report", "reports"]}
        columns={columns}
        rows={props.page.rows}
        rowKey={(r) => r.id}
        page={props.page}
        sort={props.sort}
        params={props.params}
        inventoryTotal={props.inventoryTotal}
        searchPlaceholder="Search reports…"
        filters={[
          { name: "kind", label: "Kind", options: optionsFrom(REPORT_KIND_LABELS) },
          { name: "frequency", label: "Frequency", options: optionsFrom(FREQUENCY_LABELS) },
          { name: "status", label: "Status", options: optionsFrom(WORK_STATUS_LABELS) },
          { name: "flag", label: "Needs attention", options: optionsFrom(REPORT_FLAG_LABELS) },
        ]}
        rowClassName={(r) => (isRegulatoryWithoutPlan(r) ? "bg-red-50/60" : undefined)}
        empty={
          <InventoryEmpty
            icon={<FileBarChart className="size-8" />}
            title="No reports yet"
            addLabel="Add the first report"
            onAdd={canEdit ? () => editor.openCreate() : undefined}
            importHref={props.canImport ? urls.importPage : undefined}
          >
            List custom reports, dashboards and regulatory submissions (CMS quality measures, MIPS), who consumes each, and how it
            will be reproduced on the destination. Regulatory reports without a plan are flagged.
          </InventoryEmpty>
        }
      />
      <RowEditorPanel editor={editor} noun="report" rowName={rowName} toForm={reportToForm} fieldLabels={REPORT_FIELD_LABELS} describe={describe}>
        <ReportFields state={editor.state} errors={editor.errors} setField={editor.setField} readOnly={editor.isReadOnly} />
      </RowEditorPanel>
    </>
  );
}
