"use client";
// The data inventory table with its editor panel. The page passes one server-read page of rows, the URL
// state and — for people who may edit — the server actions.
import type { ReactNode } from "react";
import { Database } from "lucide-react";
import { formatNumber } from "@/components/ui/format";
import { DataTable, RowActions, type Column } from "@/components/inventory/data-table";
import { DecisionBadge, MappingBadge, SeverityBadge } from "@/components/inventory/badges";
import { InventoryEmpty } from "@/components/inventory/inventory-empty";
import { RowEditorPanel } from "@/components/inventory/row-editor-panel";
import { InventoryHeader } from "@/components/inventory/inventory-header";
import { transferUrls } from "@/components/inventory/transfer-menu";
import { useRowEditor, type RowAction } from "@/components/inventory/use-row-editor";
import { DataEntityFields, DATA_ENTITY_FIELD_LABELS } from "@/components/data-inventory/data-entity-form";
import {
  DATA_ENTITY_FLAG_LABELS,
  DataEntityFormSchema,
  dataEntityToForm,
  emptyDataEntityForm,
  type DataEntityFormState,
  type DataEntityRow,
} from "@/lib/data-inventory/schema";
import { DATA_ENTITY_KIND_LABELS, MAPPING_STATUS_LABELS, MIGRATE_DECISION_LABELS, labelOf, optionsFrom } from "@/lib/inventories/labels";
import type { Page, SortDirection } from "@/lib/inventories/table-query";
import { SEVERITIES } from "@/lib/engagement-format/schema";

const rowName = (r: DataEntityRow) => `${labelOf(DATA_ENTITY_KIND_LABELS, r.entity)} · ${r.sourceObject}`;

function worstSeverity(r: DataEntityRow): string | null {
  let worst = -1;
  for (const q of r.quirks) worst = Math.max(worst, SEVERITIES.indexOf(q.severity));
  return worst < 0 ? null : SEVERITIES[worst]!;
}

const describe = (field: string, value: unknown): string => {
  if (value === "" || value === null || value === undefined) return "(empty)";
  if (field === "entity") return labelOf(DATA_ENTITY_KIND_LABELS, String(value));
  if (field === "decision") return labelOf(MIGRATE_DECISION_LABELS, String(value));
  if (field === "mappingStatus") return labelOf(MAPPING_STATUS_LABELS, String(value));
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return `${value.length} quirk${value.length === 1 ? "" : "s"}`;
  return String(value);
};

export function DataInventoryView(props: {
  title: string;
  description?: string;
  totals: ReactNode;
  engagementId: string;
  page: Page<DataEntityRow>;
  sort: { key: string; dir: SortDirection };
  params: Record<string, string>;
  inventoryTotal: number;
  /** The source systems the engagement's rows name (the filter's options). */
  sourceSystems: string[];
  canImport: boolean;
  canExport: boolean;
  actions: { create: RowAction; update: RowAction; remove: RowAction<undefined> } | null;
}) {
  const { engagementId, actions } = props;
  const editor = useRowEditor<DataEntityFormState, DataEntityRow>({
    engagementId,
    noun: "data entity",
    empty: emptyDataEntityForm,
    toForm: dataEntityToForm,
    schema: DataEntityFormSchema,
    rowName,
    create: actions?.create,
    update: actions?.update,
    remove: actions?.remove,
  });
  const canEdit = actions !== null;

  const columns: Column<DataEntityRow>[] = [
    { id: "entity", header: "Entity", sortKey: "entity", cell: (r) => <span className="whitespace-nowrap text-ink-700">{labelOf(DATA_ENTITY_KIND_LABELS, r.entity)}</span> },
    {
      id: "sourceObject",
      header: "Source object",
      sortKey: "sourceObject",
      className: "min-w-48",
      cell: (r) => (
        <button type="button" className="text-left font-medium text-ink-900 hover:text-brand-700 hover:underline" onClick={() => editor.openEdit(r)}>
          {r.sourceObject}
        </button>
      ),
    },
    { id: "sourceSystem", header: "Source system", sortKey: "sourceSystem", cell: (r) => r.sourceSystem || <span className="text-ink-400">—</span> },
    {
      id: "records",
      header: "Records",
      sortKey: "recordCount",
      firstDir: "desc",
      align: "right",
      cell: (r) => (r.recordCount === null ? <span className="text-amber-700">Unknown</span> : formatNumber(r.recordCount)),
    },
    { id: "years", header: "Years", sortKey: "yearsCovered", firstDir: "desc", align: "right", cell: (r) => formatNumber(r.yearsCovered) },
    { id: "decision", header: "Decision", sortKey: "decision", cell: (r) => <DecisionBadge value={r.decision} /> },
    { id: "mapping", header: "Mapping", sortKey: "mappingStatus", cell: (r) => <MappingBadge value={r.mappingStatus} /> },
    { id: "destination", header: "Destination", sortKey: "destinationEntity", cell: (r) => r.destinationEntity || <span className="text-ink-400">—</span> },
    {
      id: "quirks",
      header: "Quirks",
      cell: (r) => {
        const worst = worstSeverity(r);
        return r.quirks.length === 0 ? (
          <span className="text-ink-400">None</span>
        ) : (
          <span className="flex items-center gap-1.5 whitespace-nowrap">
            <span className="tabular">{r.quirks.length}</span>
            {worst ? <SeverityBadge value={worst} /> : null}
          </span>
        );
      },
    },
    ...(canEdit ? [{ id: "actions", header: <span className="sr-only">Actions</span>, cell: (r: DataEntityRow) => <RowActions name={r.sourceObject} onEdit={() => editor.openEdit(r)} onDelete={() => editor.deletion.ask(r)} /> }] : []),
  ];

  const urls = transferUrls(engagementId, "data");
  return (
    <>
      <InventoryHeader
        title={props.title}
        description={props.description}
        engagementId={engagementId}
        inventory="data"
        canImport={props.canImport}
        canExport={props.canExport}
        addLabel="Add data entity"
        onAdd={canEdit ? () => editor.openCreate() : undefined}
      />
      {props.totals}
      <DataTable
        label="Data entities"
        noun={["entity", "entities"]}
        columns={columns}
        rows={props.page.rows}
        rowKey={(r) => r.id}
        page={props.page}
        sort={props.sort}
        params={props.params}
        inventoryTotal={props.inventoryTotal}
        searchPlaceholder="Search source objects…"
        filters={[
          { name: "entity", label: "Entity", options: optionsFrom(DATA_ENTITY_KIND_LABELS) },
          ...(props.sourceSystems.length > 1 || props.params.system ? [{ name: "system", label: "Source system", options: props.sourceSystems.map((v) => ({ value: v, label: v })) }] : []),
          { name: "decision", label: "Decision", options: optionsFrom(MIGRATE_DECISION_LABELS) },
          { name: "mapping", label: "Mapping", options: optionsFrom(MAPPING_STATUS_LABELS) },
          { name: "flag", label: "Needs attention", options: optionsFrom(DATA_ENTITY_FLAG_LABELS) },
        ]}
        rowClassName={(r) => (r.recordCount === null || r.decision === "undecided" ? "bg-amber-50/40" : undefined)}
        empty={
          <InventoryEmpty
            icon={<Database className="size-8" />}
            title="No source entities yet"
            addLabel="Add the first entity"
            onAdd={canEdit ? () => editor.openCreate() : undefined}
            importHref={props.canImport ? urls.importPage : undefined}
          >
            List what lives in the source system — patients, encounters, notes, labs, scanned documents, billing — with approximate
            record counts and the quirks you find. Add rows one by one, or import the spreadsheet you collected during scoping.
          </InventoryEmpty>
        }
      />
      <RowEditorPanel
        editor={editor}
        noun="data entity"
        rowName={rowName}
        toForm={dataEntityToForm}
        fieldLabels={DATA_ENTITY_FIELD_LABELS}
        describe={describe}
        deleteDetail={(r) => (r.quirks.length ? `Its ${r.quirks.length} quirk${r.quirks.length === 1 ? "" : "s"} go with it.` : null)}
        width="lg"
      >
        <DataEntityFields state={editor.state} errors={editor.errors} setField={editor.setField} readOnly={editor.isReadOnly} />
      </RowEditorPanel>
    </>
  );
}
