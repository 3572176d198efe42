"use client";
// The editor side panel every inventory shares: title, conflict notice, the inventory's fields, and
// Save / Cancel / Delete; plus the delete confirmation. Keyboard: Enter (Ctrl/⌘+Enter in a text area)
// saves, Esc closes (asking first when there are unsaved changes).
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/inventory/drawer";
import { ConfirmDialog } from "@/components/inventory/confirm-dialog";
import { ConflictNotice, type FieldDescriber } from "@/components/inventory/conflict-notice";
import type { RowEditor } from "@/components/inventory/use-row-editor";
import type { RowMeta } from "@/lib/inventories/table-query";

export function RowEditorPanel<State extends Record<string, unknown>, Row extends RowMeta>({
  editor,
  noun,
  rowName,
  toForm,
  fieldLabels,
  describe,
  deleteDetail,
  width = "md",
  children,
}: {
  editor: RowEditor<State, Row>;
  noun: string;
  rowName: (row: Row) => string;
  toForm: (row: Row) => State;
  fieldLabels: Partial<Record<keyof State, string>>;
  describe?: FieldDescriber;
  /** Extra sentence in the delete confirmation (e.g. "Its 3 quirks go with it."). */
  deleteDetail?: (row: Row) => ReactNode;
  width?: "md" | "lg";
  children: ReactNode;
}) {
  const { mode, row } = editor;
  const title = mode === "create" ? `Add ${noun}` : mode === "edit" ? `Edit ${noun}` : row ? rowName(row) : "";
  const canDelete = mode === "edit" && row !== null;

  return (
    <>
      <Drawer
        open={mode !== null}
        title={title}
        description={mode === "view" ? "Read only." : mode === "edit" && row ? rowName(row) : "Fields marked * are required. Enter saves; Esc closes."}
        onClose={() => editor.close()}
        onSubmit={mode === "view" ? undefined : () => void editor.submit()}
        formLabel={title}
        width={width}
        footer={
          mode === "view" ? (
            <Button variant="secondary" onClick={() => editor.close()}>Close</Button>
          ) : (
            <>
              <Button type="submit" pending={editor.pending}>{mode === "create" ? `Add ${noun}` : "Save changes"}</Button>
              <Button variant="ghost" onClick={() => editor.close()}>Cancel</Button>
              {canDelete ? (
                <Button variant="ghost" className="ml-auto text-red-700 hover:bg-red-50" onClick={() => editor.deletion.ask(row)}>
                  Delete
                </Button>
              ) : null}
            </>
          )
        }
      >
        {editor.conflict ? (
          <ConflictNotice
            mine={editor.state}
            theirs={toForm(editor.conflict)}
            labels={fieldLabels}
            describe={describe}
            updatedAt={editor.conflict.updatedAt}
            onLoadTheirs={editor.loadTheirs}
            onKeepMine={editor.keepMine}
          />
        ) : null}
        {children}
      </Drawer>
      <ConfirmDialog
        open={editor.deletion.target !== null}
        title={`Delete this ${noun}?`}
        confirmLabel={`Delete ${noun}`}
        pending={editor.deletion.pending}
        onCancel={editor.deletion.cancel}
        onConfirm={() => void editor.deletion.confirm()}
      >
        {editor.deletion.target ? (
          <p>
            “{rowName(editor.deletion.target)}” will be removed from the inventory. {deleteDetail?.(editor.deletion.target)} The change is recorded in the
            activity log; it cannot be undone here.
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
