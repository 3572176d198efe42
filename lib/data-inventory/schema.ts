// Data inventory: form, action and table-query schemas (client + server), derived from its definition
// (lib/inventories/definitions/data.ts). The form produces a contract DataEntity row; quirks are edited inline.
import { z } from "zod";
import {
  CLEANUP_DECISIONS,
  MIGRATE_DECISIONS,
  QUIRK_KINDS,
  SEVERITIES,
  type DataEntity,
  type Quirk,
} from "@/lib/engagement-format/schema";
import { enumField, optionalText } from "@/lib/form-fields";
import { numberToInput, optionalPercentShare, optionalWholeNumber, shareToPercentInput } from "@/lib/inventories/form-fields";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import type { RowMeta } from "@/lib/inventories/table-query";
import { DATA_DEFINITION } from "@/lib/inventories/definitions";
import { emptyFormOf, formSchemaOf, querySchemaOf, toFormOf, type FormStateOf } from "@/lib/inventories/derive";

export const MAX_QUIRKS = 50;

export const QuirkFormSchema = z.strictObject({
  kind: enumField(QUIRK_KINDS, "Choose the kind of quirk"),
  description: optionalText(1000),
  affectedCount: optionalWholeNumber({ max: 10_000_000_000_000 }),
  affectedShare: optionalPercentShare(),
  severity: enumField(SEVERITIES, "Choose a severity"),
  cleanupDecision: enumField(CLEANUP_DECISIONS),
  decider: optionalText(200),
});

export const DataEntityFormSchema = formSchemaOf(DATA_DEFINITION, {
  quirks: z.array(QuirkFormSchema).max(MAX_QUIRKS, `At most ${MAX_QUIRKS} quirks per entity`).default([]),
});
export type DataEntityFormValues = z.output<typeof DataEntityFormSchema>;
// INVARIANT: the form's output is a contract row (compile-time check).
const _formIsContract: (v: DataEntityFormValues) => DataEntity = (v) => v;

export const DataEntityCreateSchema = createInput(DataEntityFormSchema);
export const DataEntityUpdateSchema = updateInput(DataEntityFormSchema);

export type DataEntityRow = DataEntity & RowMeta;

// ---- the form's own state: what the inputs hold (strings), converted to/from contract rows ----
export type QuirkFormState = {
  kind: string;
  description: string;
  affectedCount: string;
  affectedShare: string; // percent
  severity: string;
  cleanupDecision: string;
  decider: string;
};
export type DataEntityFormState = FormStateOf<typeof DATA_DEFINITION.fields> & { quirks: QuirkFormState[] };

export const emptyQuirkForm: QuirkFormState = {
  kind: "",
  description: "",
  affectedCount: "",
  affectedShare: "",
  severity: "medium",
  cleanupDecision: "undecided",
  decider: "",
};

export const emptyDataEntityForm: DataEntityFormState = { ...emptyFormOf(DATA_DEFINITION), quirks: [] };

export function quirkToForm(q: Quirk): QuirkFormState {
  return {
    kind: q.kind,
    description: q.description,
    affectedCount: numberToInput(q.affectedCount),
    affectedShare: shareToPercentInput(q.affectedShare),
    severity: q.severity,
    cleanupDecision: q.cleanupDecision,
    decider: q.decider,
  };
}

export function dataEntityToForm(row: DataEntity): DataEntityFormState {
  return { ...toFormOf(DATA_DEFINITION, row), quirks: row.quirks.map(quirkToForm) };
}

// ---- table ----
export const DATA_ENTITY_FLAGS = ["unknown_count", "undecided", "has_quirks", "critical_quirks"] as const;
export const DATA_ENTITY_FLAG_LABELS: Record<(typeof DATA_ENTITY_FLAGS)[number], string> = {
  unknown_count: "Record count unknown",
  undecided: "Decision undecided",
  has_quirks: "Has quirks",
  critical_quirks: "Has critical quirks",
};

export const DataEntityQuerySchema = querySchemaOf(DATA_DEFINITION, { flags: DATA_ENTITY_FLAGS });
export type DataEntityQuery = z.output<typeof DataEntityQuerySchema>;

export type DataEntityTotals = {
  entities: number;
  knownRecords: number; // sum of the known record counts
  unknownCounts: number; // rows whose record count is unknown
  undecided: number;
  quirks: number;
  quirksBySeverity: Record<(typeof SEVERITIES)[number], number>;
  byDecision: Record<(typeof MIGRATE_DECISIONS)[number], number>;
};

