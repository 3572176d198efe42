"use client";
// The workflow inventory table with its editor panel (basic CRUD; review and sign-off are separate pages).
import type { ReactNode } from "react";
import { GitBranch } from "lucide-react";
import { formatNumber } from "@/components/ui/format";
import { DataTable, RowActions, type Column } from "@/components/inventory/data-table";
import { ComplexityBadge, DispositionBadge, ReviewBadge } from "@/components/inventory/badges";
import { InventoryEmpty } from "@/components/inventory/inventory-empty";
import { RowEditorPanel } from "@/components/inventory/row-editor-panel";
import { InventoryHeader } from "@/components/inventory/inventory-header";
import { transferUrls } from "@/components/inventory/transfer-menu";
import { useRowEditor, type RowAction } from "@/components/inventory/use-row-editor";
import { WorkflowFields, WORKFLOW_FIELD_LABELS } from "@/components/workflows/workflow-form";
import { WorkflowFormSchema, emptyWorkflowForm, workflowToForm, type WorkflowFormState, type WorkflowRow } from "@/lib/workflows/schema";
import { COMPLEXITY_LABELS, DISPOSITION_LABELS, REVIEW_STATUS_LABELS, WORKFLOW_KIND_LABELS, labelOf, optionsFrom } from "@/lib/inventories/labels";
import type { Page, SortDirection } from "@/lib/inventories/table-query";

const rowName = (r: WorkflowRow) => (r.department ? `${r.name} (${r.department})` : r.name);

const describe = (field: string, value: unknown): string => {
  if (value === "" || value === null || value === undefined) return "(empty)";
  if (field === "kind") return labelOf(WORKFLOW_KIND_LABELS, String(value));
  if (field === "complexity") return labelOf(COMPLEXITY_LABELS, String(value));
  if (field === "disposition") return labelOf(DISPOSITION_LABELS, String(value));
  return String(value);
};

export function WorkflowInventoryView(props: {
  title: string;
  description?: string;
  subnav?: ReactNode;
  totals: ReactNode;
  engagementId: string;
  page: Page<WorkflowRow>;
  sort: { key: string; dir: SortDirection };
  params: Record<string, string>;
  inventoryTotal: number;
  canImport: boolean;
  canExport: boolean;
  actions: { create: RowAction; update: RowAction; remove: RowAction<undefined> } | null;
}) {
  const { engagementId, actions } = props;
  const editor = useRowEditor<WorkflowFormState, WorkflowRow>({
    engagementId,
    noun: "workflow item",
    empty: emptyWorkflowForm,
    toForm: workflowToForm,
    schema: WorkflowFormSchema,
    rowName,
    create: actions?.create,
    update: actions?.update,
    remove: actions?.remove,
  });
  const canEdit = actions !== null;

  const columns: Column<WorkflowRow>[] = [
    { id: "kind", header: "Kind", sortKey: "kind", cell: (r) => <span className="text-ink-700">{labelOf(WORKFLOW_KIND_LABELS, r.kind)}</span> },
    {
      id: "name",
      header: "Name",
      sortKey: "name",
      className: "min-w-56",
      cell: (r) => (
        <button type="button" className="text-left font-medium text-ink-900 hover:text-brand-700 hover:underline" onClick={() => editor.openEdit(r)}>
          {r.name}
        </button>
      ),
    },
    { id: "department", header: "Department", sortKey: "department", cell: (r) => r.department || <span className="text-ink-400">All</span> },
    { id: "quantity", header: "Quantity", sortKey: "quantity", firstDir: "desc", align: "right", cell: (r) => formatNumber(r.quantity) },
    { id: "complexity", header: "Complexity", sortKey: "complexity", cell: (r) => <ComplexityBadge value={r.complexity} /> },
    { id: "disposition", header: "Disposition", sortKey: "disposition", cell: (r) => <DispositionBadge value={r.disposition} /> },
    { id: "review", header: "Clinical review", sortKey: "reviewStatus", cell: (r) => <ReviewBadge value={r.reviewStatus} /> },
    ...(canEdit ? [{ id: "actions", header: <span className="sr-only">Actions</span>, cell: (r: WorkflowRow) => <RowActions name={rowName(r)} onEdit={() => editor.openEdit(r)} onDelete={() => editor.deletion.ask(r)} /> }] : []),
  ];

  const urls = transferUrls(engagementId, "workflows");
  return (
    <>
      <InventoryHeader
        title={props.title}
        description={props.description}
        engagementId={engagementId}
        inventory="workflows"
        canImport={props.canImport}
        canExport={props.canExport}
        addLabel="Add workflow item"
        onAdd={canEdit ? () => editor.openCreate() : undefined}
      />
      {props.subnav}
      {props.totals}
      <DataTable
        label="Workflow items"
        noun={["item", "items"]}
        columns={columns}
        rows={props.page.rows}
        rowKey={(r) => r.id}
        page={props.page}
        sort={props.sort}
        params={props.params}
        inventoryTotal={props.inventoryTotal}
        searchPlaceholder="Search workflows…"
        filters={[
          { name: "kind", label: "Kind", options: optionsFrom(WORKFLOW_KIND_LABELS) },
          { name: "disposition", label: "Disposition", options: optionsFrom(DISPOSITION_LABELS) },
          { name: "review", label: "Review", options: optionsFrom(REVIEW_STATUS_LABELS) },
          { name: "complexity", label: "Complexity", options: optionsFrom(COMPLEXITY_LABELS) },
        ]}
        rowClassName={(r) => (r.disposition === "undecided" ? "bg-amber-50/40" : undefined)}
        empty={
          <InventoryEmpty
            icon={<GitBranch className="size-8" />}
            title="No workflows yet"
            addLabel="Add the first workflow item"
            onAdd={canEdit ? () => editor.openCreate() : undefined}
            importHref={props.canImport ? urls.importPage : undefined}
          >
            Inventory the order sets, alerting rules, document routing, encounter templates, role and permission sets and reporting
            pipelines — one row can stand for many (“42 cardiology order sets”). Clinical reviewers then decide what must survive cutover.
          </InventoryEmpty>
        }
      />
      <RowEditorPanel editor={editor} noun="workflow item" rowName={rowName} toForm={workflowToForm} fieldLabels={WORKFLOW_FIELD_LABELS} describe={describe}>
        <WorkflowFields state={editor.state} errors={editor.errors} setField={editor.setField} readOnly={editor.isReadOnly} reviewStatus={editor.row?.reviewStatus ?? null} />
      </RowEditorPanel>
    </>
  );
}
