// What the data inventory's view adds to its definition: the quirks (a count and the worst severity in the
// table, edited inline in the form), its "needs attention" flags, the empty state's words.
import { Database } from "lucide-react";
import { SeverityBadge } from "@/components/inventory/badges";
import { QuirksEditor } from "@/components/data-inventory/quirks-editor";
import { defineExtension } from "@/components/inventories/extension";
import { ProfileRowLink } from "@/components/profile-runs/profile-link";
import { DATA_ENTITY_FLAG_LABELS, DataEntityFormSchema, dataEntityToForm, emptyDataEntityForm, type DataEntityFormState, type DataEntityRow } from "@/lib/data-inventory/schema";
import { SEVERITIES } from "@/lib/engagement-format/schema";
import { DATA_ENTITY_KIND_LABELS, labelOf } from "@/lib/inventories/labels";

function worstSeverity(r: DataEntityRow): string | null {
  let worst = -1;
  for (const q of r.quirks) worst = Math.max(worst, SEVERITIES.indexOf(q.severity));
  return worst < 0 ? null : SEVERITIES[worst]!;
}

const quirkCount = (n: number) => `${n} quirk${n === 1 ? "" : "s"}`;

export const DATA_EXTENSION = defineExtension<DataEntityRow, DataEntityFormState>({
  rowName: (r) => `${labelOf(DATA_ENTITY_KIND_LABELS, r.entity)} · ${r.sourceObject}`,
  shortName: (r) => r.sourceObject,
  computed: (c) =>
    c.profileHref
      ? [{ column: { id: "profile", header: <span className="sr-only">Profile</span>, cell: (r: DataEntityRow) => <ProfileRowLink href={c.profileHref!} type="data_entity" id={r.id} name={r.sourceObject} /> } }]
      : [],
  cells: {
    quirks: (r) => {
      const worst = worstSeverity(r);
      if (r.quirks.length === 0) return <span className="text-ink-400">None</span>;
      return (
        <span className="flex items-center gap-1.5 whitespace-nowrap">
          <span className="tabular">{r.quirks.length}</span>
          {worst ? <SeverityBadge value={worst} /> : null}
        </span>
      );
    },
  },
  flags: DATA_ENTITY_FLAG_LABELS,
  rowClassName: (r) => (r.recordCount === null || r.decision === "undecided" ? "bg-amber-50/40" : undefined),
  empty: {
    icon: <Database className="size-8" />,
    title: "No source entities yet",
    addLabel: "Add the first entity",
    body: (
      <>
        List what lives in the source system — patients, encounters, notes, labs, scanned documents, billing — with approximate record counts and the
        quirks you find. Add rows one by one, or import the spreadsheet you collected during scoping.
      </>
    ),
  },
  form: { empty: emptyDataEntityForm, toForm: dataEntityToForm, schema: DataEntityFormSchema, After: QuirksEditor, labels: { quirks: "Quirks" } },
  deleteDetail: (r) => (r.quirks.length ? `Its ${quirkCount(r.quirks.length)} go with it.` : null),
  width: "lg",
});
