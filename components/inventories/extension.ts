// What an inventory adds to the generic view (components/inventories/inventory-view.tsx) beyond its definition:
// only where it really differs — a cell drawn its own way, a computed column (a risk's score), the "needs
// attention" flags, the empty state's words, a custom part of the form (a data entity's quirks, the risk form),
// a slot under the form (the workflow review status). Everything else comes from the definition.
import type { ComponentType, ReactNode } from "react";
import type { z } from "zod";
import type { Column } from "@/components/inventory/data-table";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import type { FieldErrors } from "@/lib/errors";
import type { RowMeta } from "@/lib/inventories/table-query";

export type AnyRow = Record<string, unknown> & RowMeta;
export type AnyState = Record<string, unknown>;

/** What the page knows and a view may need: the engagement's currency, today, its risk matrix, the values a text filter offers. */
export type ViewContext = {
  currency?: string;
  today?: string;
  matrix?: RiskMatrix;
  /** Filter parameter → the values this engagement's rows hold (text filters such as a data entity's source system). */
  filterValues?: Record<string, string[]>;
  /** Where "Add from the library" goes (the risk register), when the person may use it. */
  libraryHref?: string;
  /** The profiling page (data entities, interfaces), when the person may profile: a row's "Profile" link adds ?target=. */
  profileHref?: string;
};

/** The props of the form's fields (generic or an inventory's own). */
export type FieldsProps<State> = {
  state: State;
  errors: FieldErrors;
  setField: <K extends keyof State>(key: K, value: State[K]) => void;
  readOnly: boolean;
  context: ViewContext;
};

export type InventoryExtension<Row extends AnyRow = AnyRow, State extends AnyState = AnyState> = {
  /** What messages call one row, when not the definition's noun (the integration inventory says "interface"). */
  noun?: [singular: string, plural: string];
  /** How a row is named in messages and buttons ("Lab results · LAB_RESULTS"). */
  rowName: (row: Row) => string;
  /** The name shown on the row's edit and delete buttons (default: rowName). */
  shortName?: (row: Row) => string;
  /** The field whose cell opens the editor (default: the first text part of the natural key). */
  nameField?: string;
  /** A line under the name (an interface's partner, a report's consumers). */
  subtitle?: (row: Row) => ReactNode;
  /** Cells drawn this inventory's own way, by field. */
  cells?: Partial<Record<string, (row: Row, context: ViewContext) => ReactNode>>;
  /** Columns that are not a field (a risk's score), each placed before a field's column (or last). */
  computed?: (context: ViewContext) => { before?: string; column: Column<Row> }[];
  /** Columns whose first sort is descending (numbers always are). */
  descFirst?: readonly string[];
  /** The "needs attention" filter: flag → label. */
  flags?: Readonly<Record<string, string>>;
  rowClassName?: (row: Row, context: ViewContext) => string | undefined;
  empty: { icon: ReactNode; title: string; addLabel: string; body: ReactNode };
  /** The form when it is not the definition's plain one: its state, schema, own fields or a part after them. */
  form?: {
    empty: State;
    toForm: (row: Row) => State;
    schema: z.ZodType | ((context: ViewContext) => z.ZodType);
    /** Replaces the generic fields entirely (the risk register). */
    Fields?: ComponentType<FieldsProps<State>>;
    /** Rendered after the generic fields (a data entity's quirks). */
    After?: ComponentType<FieldsProps<State>>;
    /** Labels of form keys the definition does not have (the risk form's flat inputs). */
    labels?: Record<string, string>;
    /** Vocabulary labels of form keys the definition does not have. */
    vocabularies?: Record<string, Readonly<Record<string, string>>>;
  };
  /** A note under the form that depends on the row (the workflow review status). */
  formNote?: (row: Row | null, state: State) => ReactNode;
  deleteDetail?: (row: Row) => ReactNode;
  width?: "md" | "lg";
};

/** Types an inventory's extension against its own row and form state; the generic view holds them as any row. */
export function defineExtension<Row extends AnyRow, State extends AnyState = AnyState>(e: InventoryExtension<Row, State>): InventoryExtension {
  return e as unknown as InventoryExtension;
}
