"use client";
// The one inventory view: header with import/export and "Add …", the page's totals, the table (columns, sorts,
// filters and search from the inventory's definition), row selection with the bulk edit, and the editor panel
// (form from the definition). An inventory's extension (components/inventories/extensions.ts) adds only what
// its definition cannot say: a cell drawn its own way, a computed column, flags, the empty state's words, a
// custom part of the form, a note under it.
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { DataTable, RowActions } from "@/components/inventory/data-table";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { InventoryEmpty } from "@/components/inventory/inventory-empty";
import { RowEditorPanel } from "@/components/inventory/row-editor-panel";
import { InventoryHeader } from "@/components/inventory/inventory-header";
import { transferUrls } from "@/components/inventory/transfer-menu";
import { useRowEditor, type RowAction } from "@/components/inventory/use-row-editor";
import { BulkEditBar, type BulkUpdateAction } from "@/components/inventories/bulk-edit";
import { DefinitionFields } from "@/components/inventories/definition-fields";
import { EXTENSIONS } from "@/components/inventories/extensions";
import type { AnyRow, AnyState, ViewContext } from "@/components/inventories/extension";
import { capitalize, columnsOf, filterDefsOf } from "@/components/inventories/table-columns";
import type { Fields, InventoryDefinition, InventoryKey } from "@/lib/inventories/definition";
import { DEFINITIONS } from "@/lib/inventories/definitions";
import { bulkFieldsOf, emptyFormOf, formLabelsOf, formSchemaOf, toFormOf } from "@/lib/inventories/derive";
import { labelOf, labelsOfVocabulary } from "@/lib/inventories/labels";
import type { Page, SortDirection } from "@/lib/inventories/table-query";

export type InventoryViewActions = { create: RowAction; update: RowAction; remove: RowAction<undefined>; bulkUpdate: BulkUpdateAction };

export function InventoryView(props: {
  inventory: InventoryKey;
  title: string;
  description?: string;
  subnav?: ReactNode;
  totals: ReactNode;
  engagementId: string;
  page: Page<AnyRow>;
  sort: { key: string; dir: SortDirection };
  params: Record<string, string>;
  inventoryTotal: number;
  canImport: boolean;
  canExport: boolean;
  /** An archived engagement: a notice above the totals (the actions are null then). */
  isArchived?: boolean;
  context?: ViewContext;
  /** A row named by the URL (a risk linked from the heat map): highlighted, its panel open on arrival. */
  focusRow?: AnyRow | null;
  actions: InventoryViewActions | null;
}) {
  const { engagementId, actions, inventory } = props;
  const context = useMemo(() => props.context ?? {}, [props.context]);
  const d: InventoryDefinition<Fields> = DEFINITIONS[inventory];
  const ext = EXTENSIONS[inventory];
  const [singular, plural] = ext.noun ?? [d.noun, d.nounPlural];
  const form = useMemo(() => {
    const own = ext.form;
    const schema = own ? (typeof own.schema === "function" ? own.schema(context) : own.schema) : formSchemaOf(d);
    return { empty: (own?.empty ?? emptyFormOf(d)) as AnyState, toForm: own?.toForm ?? ((r: AnyRow) => toFormOf(d, r) as AnyState), schema };
  }, [d, ext, context]);
  const editor = useRowEditor<AnyState, AnyRow>({
    engagementId,
    noun: singular,
    empty: form.empty,
    toForm: form.toForm,
    schema: form.schema,
    rowName: ext.rowName,
    create: actions?.create,
    update: actions?.update,
    remove: actions?.remove,
  });
  const canEdit = actions !== null;

  // Open a linked row once per id (a refresh after saving brings the same id back and must not reopen it).
  const { focusRow } = props;
  const { openEdit } = editor;
  const focusId = focusRow?.id;
  useEffect(() => {
    if (focusRow) openEdit(focusRow);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the id on purpose, see above
  }, [focusId]);

  // The selection lives on this page's rows: a new page (or a refresh after an edit) keeps only the ids still shown.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rowsById = new Map(props.page.rows.map((r) => [r.id, r]));
  const selectedRows = [...selected].map((id) => rowsById.get(id)).filter((r): r is AnyRow => r !== undefined);
  const canBulk = canEdit && bulkFieldsOf(d).length > 0;

  const shortName = ext.shortName ?? ext.rowName;
  const columns = columnsOf(d, ext, context, editor.openEdit);
  if (canEdit) columns.push({ id: "actions", header: <span className="sr-only">Actions</span>, cell: (r) => <RowActions name={shortName(r)} onEdit={() => editor.openEdit(r)} onDelete={() => editor.deletion.ask(r)} /> });

  const labels = { ...formLabelsOf(d), ...ext.form?.labels };
  const vocabularies: Record<string, Readonly<Record<string, string>>> = { ...ext.form?.vocabularies };
  for (const [name, f] of Object.entries(d.fields)) if (f.vocabulary) vocabularies[name] = labelsOfVocabulary(f.vocabulary) ?? {};
  const describe = (field: string, value: unknown): string => {
    if (value === "" || value === null || value === undefined) return "(empty)";
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? "" : "s"}`;
    return vocabularies[field] ? labelOf(vocabularies[field], String(value)) : String(value);
  };

  const fieldsProps = { state: editor.state, errors: editor.errors, setField: editor.setField, readOnly: editor.isReadOnly, context };
  const { Fields: OwnFields, After } = ext.form ?? {};
  const urls = transferUrls(engagementId, inventory);
  const onAdd = canEdit ? () => editor.openCreate() : undefined;
  return (
    <>
      <InventoryHeader
        title={props.title}
        description={props.description}
        engagementId={engagementId}
        inventory={inventory}
        canImport={props.canImport}
        canExport={props.canExport}
        addLabel={`Add ${singular}`}
        onAdd={onAdd}
      />
      {props.subnav}
      <ArchivedNotice isArchived={Boolean(props.isArchived)} />
      {props.totals}
      <DataTable
        label={capitalize(plural)}
        noun={[singular, plural]}
        columns={columns}
        rows={props.page.rows}
        rowKey={(r) => r.id}
        page={props.page}
        sort={props.sort}
        params={props.params}
        inventoryTotal={props.inventoryTotal}
        highlightKey={focusId}
        searchPlaceholder={d.searchPlaceholder}
        filters={filterDefsOf(d, ext, context, props.params)}
        rowClassName={ext.rowClassName ? (r) => ext.rowClassName!(r, context) : undefined}
        selection={canBulk ? { selected, onChange: setSelected, rowLabel: shortName } : undefined}
        toolbar={
          canBulk && actions && selectedRows.length > 0 ? (
            <BulkEditBar definition={d} engagementId={engagementId} rows={selectedRows} noun={[singular, plural]} action={actions.bulkUpdate} onDone={() => setSelected(new Set())} />
          ) : null
        }
        empty={
          <InventoryEmpty
            icon={ext.empty.icon}
            title={ext.empty.title}
            addLabel={ext.empty.addLabel}
            onAdd={onAdd}
            importHref={props.canImport ? urls.importPage : undefined}
            libraryHref={canEdit ? context.libraryHref : undefined}
          >
            {ext.empty.body}
          </InventoryEmpty>
        }
      />
      <RowEditorPanel editor={editor} noun={singular} rowName={ext.rowName} toForm={form.toForm} fieldLabels={labels} describe={describe} deleteDetail={ext.deleteDetail} width={ext.width}>
        <fieldset disabled={editor.isReadOnly} className="space-y-5">
          {OwnFields ? <OwnFields {...fieldsProps} /> : <DefinitionFields definition={d} {...fieldsProps} />}
          {After ? <After {...fieldsProps} /> : null}
          {ext.formNote?.(editor.row, editor.state)}
        </fieldset>
      </RowEditorPanel>
    </>
  );
}
