"use client";
// The integration inventory table (most critical first by default) with its editor panel.
import type { ReactNode } from "react";
import { Plug } from "lucide-react";
import { DataTable, RowActions, type Column } from "@/components/inventory/data-table";
import { InterfaceComplexityBadge, SeverityBadge, StrategyBadge, WorkStatusBadge } from "@/components/inventory/badges";
import { InventoryEmpty } from "@/components/inventory/inventory-empty";
import { RowEditorPanel } from "@/components/inventory/row-editor-panel";
import { InventoryHeader } from "@/components/inventory/inventory-header";
import { transferUrls } from "@/components/inventory/transfer-menu";
import { useRowEditor, type RowAction } from "@/components/inventory/use-row-editor";
import { IntegrationFields, INTEGRATION_FIELD_LABELS } from "@/components/integrations/integration-form";
import { IntegrationFormSchema, emptyIntegrationForm, integrationToForm, type IntegrationFormState, type IntegrationRow } from "@/lib/integrations/schema";
import {
  DIRECTION_LABELS,
  INTEGRATION_KIND_LABELS,
  INTEGRATION_STANDARD_LABELS,
  INTERFACE_COMPLEXITY_LABELS,
  SEVERITY_LABELS,
  TRANSITION_STRATEGY_LABELS,
  WORK_STATUS_LABELS,
  labelOf,
  optionsFrom,
} from "@/lib/inventories/labels";
import type { Page, SortDirection } from "@/lib/inventories/table-query";

const rowName = (r: IntegrationRow) => r.name;

const vocab: Record<string, Readonly<Record<string, string>>> = {
  kind: INTEGRATION_KIND_LABELS,
  standard: INTEGRATION_STANDARD_LABELS,
  direction: DIRECTION_LABELS,
  transitionStrategy: TRANSITION_STRATEGY_LABELS,
  clinicalImpact: SEVERITY_LABELS,
  complexity: INTERFACE_COMPLEXITY_LABELS,
  status: WORK_STATUS_LABELS,
};
const describe = (field: string, value: unknown): string => {
  if (value === "" || value === null || value === undefined) return "(empty)";
  return vocab[field] ? labelOf(vocab[field], String(value)) : String(value);
};

export function IntegrationInventoryView(props: {
  title: string;
  description?: string;
  totals: ReactNode;
  engagementId: string;
  page: Page<IntegrationRow>;
  sort: { key: string; dir: SortDirection };
  params: Record<string, string>;
  inventoryTotal: number;
  canImport: boolean;
  canExport: boolean;
  actions: { create: RowAction; update: RowAction; remove: RowAction<undefined> } | null;
}) {
  const { engagementId, actions } = props;
  const editor = useRowEditor<IntegrationFormState, IntegrationRow>({
    engagementId,
    noun: "interface",
    empty: emptyIntegrationForm,
    toForm: integrationToForm,
    schema: IntegrationFormSchema,
    rowName,
    create: actions?.create,
    update: actions?.update,
    remove: actions?.remove,
  });
  const canEdit = actions !== null;

  const columns: Column<IntegrationRow>[] = [
    {
      id: "name",
      header: "Interface",
      sortKey: "name",
      className: "min-w-52",
      cell: (r) => (
        <div>
          <button type="button" className="text-left font-medium text-ink-900 hover:text-brand-700 hover:underline" onClick={() => editor.openEdit(r)}>
            {r.name}
          </button>
          {r.partner ? <div className="text-xs text-ink-500">{r.partner}</div> : null}
        </div>
      ),
    },
    { id: "kind", header: "Kind", sortKey: "kind", cell: (r) => <span className="text-ink-700">{labelOf(INTEGRATION_KIND_LABELS, r.kind)}</span> },
    {
      id: "standard",
      header: "Standard",
      sortKey: "standard",
      cell: (r) => (
        <div className="whitespace-nowrap">
          {labelOf(INTEGRATION_STANDARD_LABELS, r.standard)} <span className="text-ink-500">· {labelOf(DIRECTION_LABELS, r.direction).toLowerCase()}</span>
          {r.messageTypes ? <div className="max-w-48 truncate text-xs text-ink-500" title={r.messageTypes}>{r.messageTypes}</div> : null}
        </div>
      ),
    },
    { id: "impact", header: "Impact", sortKey: "clinicalImpact", firstDir: "desc", cell: (r) => <SeverityBadge value={r.clinicalImpact} /> },
    { id: "complexity", header: "Complexity", sortKey: "complexity", firstDir: "desc", cell: (r) => <InterfaceComplexityBadge value={r.complexity} /> },
    { id: "strategy", header: "Transition", sortKey: "transitionStrategy", cell: (r) => <StrategyBadge value={r.transitionStrategy} /> },
    { id: "status", header: "Status", sortKey: "status", cell: (r) => <WorkStatusBadge value={r.status} /> },
    ...(canEdit ? [{ id: "actions", header: <span className="sr-only">Actions</span>, cell: (r: IntegrationRow) => <RowActions name={r.name} onEdit={() => editor.openEdit(r)} onDelete={() => editor.deletion.ask(r)} /> }] : []),
  ];

  const urls = transferUrls(engagementId, "integrations");
  return (
    <>
      <InventoryHeader
        title={props.title}
        description={props.description}
        engagementId={engagementId}
        inventory="integrations"
        canImport={props.canImport}
        canExport={props.canExport}
        addLabel="Add interface"
        onAdd={canEdit ? () => editor.openCreate() : undefined}
      />
      {props.totals}
      <DataTable
        label="Interfaces"
        noun={["interface", "interfaces"]}
        columns={columns}
        rows={props.page.rows}
        rowKey={(r) => r.id}
        page={props.page}
        sort={props.sort}
        params={props.params}
        inventoryTotal={props.inventoryTotal}
        searchPlaceholder="Search interfaces…"
        filters={[
          { name: "kind", label: "Kind", options: optionsFrom(INTEGRATION_KIND_LABELS) },
          { name: "standard", label: "Standard", options: optionsFrom(INTEGRATION_STANDARD_LABELS) },
          { name: "impact", label: "Impact", options: optionsFrom(SEVERITY_LABELS) },
          { name: "strategy", label: "Transition", options: optionsFrom(TRANSITION_STRATEGY_LABELS) },
          { name: "status", label: "Status", options: optionsFrom(WORK_STATUS_LABELS) },
        ]}
        rowClassName={(r) => (r.transitionStrategy === "undecided" ? "bg-amber-50/40" : undefined)}
        empty={
          <InventoryEmpty
            icon={<Plug className="size-8" />}
            title="No interfaces yet"
            addLabel="Add the first interface"
            onAdd={canEdit ? () => editor.openCreate() : undefined}
            importHref={props.canImport ? urls.importPage : undefined}
          >
            List every interface the source system has — lab orders and results, eRx, payers, portal, billing, document management,
            imaging, registries — with its standard, partner and how it will cross cutover. The most critical are rebuilt first.
          </InventoryEmpty>
        }
      />
      <RowEditorPanel editor={editor} noun="interface" rowName={rowName} toForm={integrationToForm} fieldLabels={INTEGRATION_FIELD_LABELS} describe={describe}>
        <IntegrationFields state={editor.state} errors={editor.errors} setField={editor.setField} readOnly={editor.isReadOnly} />
      </RowEditorPanel>
    </>
  );
}
