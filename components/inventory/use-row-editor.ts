"use client";
// State of one inventory's editor panel and delete confirmation: open for a new row, an existing row, or
// read-only; client-side validation with the shared zod schema; save through the server action; field errors
// inline; CONFLICT keeps the user's values and shows the other person's version (load theirs / keep mine).
import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { z } from "zod";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import type { RowMeta } from "@/lib/inventories/table-query";

export type RowAction<T = SavedRow> = (input: unknown) => Promise<ActionResult<T>>;
export type EditorMode = "create" | "edit" | "view";

type Options<State, Row extends RowMeta> = {
  engagementId: string;
  noun: string; // "data entity" — for messages
  empty: State;
  toForm: (row: Row) => State;
  schema: z.ZodType;
  rowName: (row: Row) => string;
  create?: RowAction;
  update?: RowAction;
  remove?: RowAction<undefined>;
};

const unreachable = "Sounding could not be reached. Your changes are still in the form; try again.";
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>("dialog[open] [aria-invalid='true']")?.focus());
}

export function useRowEditor<State, Row extends RowMeta>(opts: Options<State, Row>) {
  const router = useRouter();
  const [mode, setMode] = useState<EditorMode | null>(null);
  const [row, setRow] = useState<Row | null>(null);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<State>(opts.empty);
  const [initial, setInitial] = useState<string>("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<Row | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [deletePending, setDeletePending] = useState(false);

  const isDirty = useMemo(() => mode !== null && mode !== "view" && JSON.stringify(state) !== initial, [mode, state, initial]);

  const begin = useCallback((m: EditorMode, r: Row | null, s: State) => {
    setMode(m);
    setRow(r);
    setVersion(r?.version ?? 0);
    setState(s);
    setInitial(JSON.stringify(s));
    setErrors({});
    setConflict(null);
  }, []);

  const openCreate = useCallback((prefill?: Partial<State>) => begin("create", null, { ...opts.empty, ...prefill }), [begin, opts.empty]);
  const openEdit = useCallback((r: Row) => begin(opts.update ? "edit" : "view", r, opts.toForm(r)), [begin, opts]);
  const openView = useCallback((r: Row) => begin("view", r, opts.toForm(r)), [begin, opts]);

  /** Close unless there are unsaved changes the user wants to keep. Returns whether it closed. */
  const close = useCallback(
    (force = false) => {
      if (!force && isDirty && !window.confirm("Discard your unsaved changes?")) return false;
      setMode(null);
      setConflict(null);
      setErrors({});
      return true;
    },
    [isDirty],
  );

  const setField = useCallback(<K extends keyof State>(key: K, value: State[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setErrors((e) => {
      if (!e[key as string]) return e;
      const { [key as string]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  async function submit() {
    if (mode === null || mode === "view" || pending) return;
    const parsed = opts.schema.safeParse(state);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      focusFirstError();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res =
        mode === "create"
          ? await opts.create!({ engagementId: opts.engagementId, values: state })
          : await opts.update!({ engagementId: opts.engagementId, id: row!.id, version, values: state });
      if (res.ok) {
        toast.success(mode === "create" ? `${capitalize(opts.noun)} added` : "Changes saved");
        setMode(null);
        setConflict(null);
        router.refresh();
      } else if (res.code === "INVALID") {
        setErrors(res.fieldErrors);
        focusFirstError();
        toast.error(res.message);
      } else if (res.code === "CONFLICT" && res.current) {
        setConflict(res.current as Row);
        toast.error(`Someone else changed this ${opts.noun} meanwhile. Nothing was overwritten.`);
      } else if (res.code === "NOT_FOUND") {
        toast.error(res.message);
        setMode(null);
        router.refresh();
      } else toast.error(res.message);
    } catch {
      toast.error(unreachable);
    } finally {
      setPending(false);
    }
  }

  /** Replace the form with the other person's version (and edit from there). */
  function loadTheirs() {
    if (!conflict) return;
    begin("edit", conflict, opts.toForm(conflict));
  }

  /** Keep my values; the next save replaces theirs knowingly. */
  function keepMine() {
    if (!conflict) return;
    setRow(conflict);
    setVersion(conflict.version);
    setConflict(null);
  }

  async function confirmDelete() {
    if (!deleting || !opts.remove) return;
    setDeletePending(true);
    try {
      const res = await opts.remove({ engagementId: opts.engagementId, id: deleting.id, version: deleting.version });
      if (res.ok) {
        toast.success(`Deleted “${opts.rowName(deleting)}”`);
        if (row?.id === deleting.id) setMode(null);
        setDeleting(null);
        router.refresh();
      } else if (res.code === "CONFLICT") {
        toast.error(`Someone else changed “${opts.rowName(deleting)}” meanwhile, so it was not deleted. Review their version first.`);
        setDeleting(null);
        router.refresh();
      } else {
        toast.error(res.message);
        setDeleting(null);
        if (res.code === "NOT_FOUND") router.refresh();
      }
    } catch {
      toast.error("Sounding could not be reached. Nothing was deleted; try again.");
    } finally {
      setDeletePending(false);
    }
  }

  return {
    mode,
    row,
    version,
    state,
    setState,
    setField,
    errors,
    pending,
    conflict,
    isDirty,
    isReadOnly: mode === "view",
    openCreate,
    openEdit,
    openView,
    close,
    submit,
    loadTheirs,
    keepMine,
    deletion: {
      target: deleting,
      pending: deletePending,
      ask: (r: Row) => setDeleting(r),
      cancel: () => setDeleting(null),
      confirm: confirmDelete,
    },
  };
}

export type RowEditor<State, Row extends RowMeta> = ReturnType<typeof useRowEditor<State, Row>>;
