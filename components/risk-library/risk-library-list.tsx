"use client";
// The risk library: built-in failure modes and the firm's own entries, each described in plain words,
// with one-click "Add to register" (or "In register" when it is already there) and a bulk add.
import { useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Check, Library, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatNumber } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors";
import type { MigrationType, RiskMatrix } from "@/lib/engagement-format/schema";
import { RISK_CATEGORY_LABELS, labelOf } from "@/lib/inventories/labels";
import {
  LIBRARY_SOURCE_LABELS,
  describeCost,
  describeProbability,
  describeSchedule,
  levelName,
  type LibraryEntryDto,
  type LibrarySource,
} from "@/lib/risk-library/schema";

type Act<T> = (input: unknown) => Promise<ActionResult<T>>;

export type RiskLibraryListProps = {
  engagementId: string;
  migrationType: MigrationType;
  show: "suggested" | "all";
  entries: LibraryEntryDto[];
  suggestedCount: number;
  suggestedNotInRegister: number;
  totalCount: number;
  matrix: Pick<RiskMatrix, "size" | "likelihoodLabels" | "impactLabels" | "likelihoodProbabilities">;
  currency: string;
  canEdit: boolean;
  /** this page's path, for the suggested / all toggle */
  basePath: string;
  /** the register page, for "In register" links */
  registerHref: string;
  addAction: Act<{ riskId: string; title: string }>;
  addSuggestedAction: Act<{ added: string[]; skipped: string[] }>;
  deleteAction: Act<undefined>;
};

export function RiskLibraryList(props: RiskLibraryListProps) {
  const router = useRouter();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [bulkPending, setBulkPending] = useState(false);
  const groups: { source: LibrarySource; title: string; description: string }[] = [
    { source: "firm", title: "Your firm's library", description: "Risks colleagues saved from their engagements." },
    { source: "built_in", title: "Built-in library", description: "Failure modes seen most often in EMR migrations, with the probabilities and impacts the estimate assumes by default." },
  ];

  async function add(entry: LibraryEntryDto) {
    const id = `${entry.source}:${entry.key}`;
    setPendingKey(id);
    try {
      const res = await props.addAction({ engagementId: props.engagementId, source: entry.source, key: entry.key });
      if (res.ok) toast.success(`Added “${res.data.title}” to the register`);
      else toast.error(res.message);
      router.refresh();
    } catch {
      toast.error("Sounding could not be reached. Nothing was added; try again.");
    } finally {
      setPendingKey(null);
    }
  }

  async function addAll() {
    if (!window.confirm(`Add ${props.suggestedNotInRegister} suggested risk${props.suggestedNotInRegister === 1 ? "" : "s"} for Type ${props.migrationType} to the register? Risks already in the register are skipped.`)) return;
    setBulkPending(true);
    try {
      const res = await props.addSuggestedAction({ engagementId: props.engagementId, migrationType: props.migrationType });
      if (res.ok) toast.success(`Added ${res.data.added.length} risk${res.data.added.length === 1 ? "" : "s"}${res.data.skipped.length ? `; ${res.data.skipped.length} already in the register` : ""}`);
      else toast.error(res.message);
      router.refresh();
    } catch {
      toast.error("Sounding could not be reached. Nothing was added; try again.");
    } finally {
      setBulkPending(false);
    }
  }

  async function remove(entry: LibraryEntryDto) {
    if (!window.confirm(`Remove “${entry.risk.title}” from your firm's library? Risks already added from it stay in their registers.`)) return;
    const res = await props.deleteAction({ engagementId: props.engagementId, key: entry.key });
    if (res.ok) toast.success("Removed from the firm library");
    else toast.error(res.message);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Which library entries to show">
          <ul className="flex gap-1.5 text-sm">
            {(["suggested", "all"] as const).map((s) => (
              <li key={s}>
                <Link
                  href={s === "suggested" ? props.basePath : `${props.basePath}?show=all`}
                  aria-current={props.show === s ? "page" : undefined}
                  className={cn("inline-flex items-center gap-1.5 rounded-full px-3 py-1 ring-1 ring-inset", props.show === s ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-ink-700 ring-ink-200 hover:bg-ink-50")}
                >
                  {s === "suggested" ? `Suggested for Type ${props.migrationType}` : "All migration types"}
                  <span className={cn("tabular text-xs", props.show === s ? "text-brand-100" : "text-ink-500")}>{formatNumber(s === "suggested" ? props.suggestedCount : props.totalCount)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {props.canEdit ? (
          <Button onClick={addAll} pending={bulkPending} disabled={props.suggestedNotInRegister === 0} variant={props.suggestedNotInRegister ? "primary" : "secondary"}>
            <Plus className="size-4" aria-hidden />
            {props.suggestedNotInRegister ? `Add all ${props.suggestedNotInRegister} suggested for Type ${props.migrationType}` : `All suggested for Type ${props.migrationType} are in the register`}
          </Button>
        ) : null}
      </div>

      {groups.map((g) => {
        const entries = props.entries.filter((e) => e.source === g.source);
        if (g.source === "firm" && entries.length === 0) {
          return (
            <section key={g.source} aria-labelledby={`lib-${g.source}`}>
              <h2 id={`lib-${g.source}`} className="text-base font-semibold">{g.title}</h2>
              <p className="mt-1 text-sm text-ink-500">
                No firm entries{props.show === "suggested" ? ` for Type ${props.migrationType}` : ""} yet. Save a risk from a register below to reuse it on your firm&apos;s next engagement.
              </p>
            </section>
          );
        }
        return (
          <section key={g.source} aria-labelledby={`lib-${g.source}`}>
            <h2 id={`lib-${g.source}`} className="text-base font-semibold">
              {g.title} <span className="tabular text-sm font-normal text-ink-500">({formatNumber(entries.length)})</span>
            </h2>
            <p className="mt-0.5 text-sm text-ink-500">{g.description}</p>
            {entries.length === 0 ? (
              <div className="mt-3">
                <EmptyState title="Nothing here for this type" icon={<Library className="size-8" />}>Show all migration types to see every entry.</EmptyState>
              </div>
            ) : (
              <ul className="mt-3 grid gap-4 lg:grid-cols-2">
                {entries.map((e) => (
                  <LibraryCard
                    key={`${e.source}:${e.key}`}
                    entry={e}
                    matrix={props.matrix}
                    currency={props.currency}
                    canEdit={props.canEdit}
                    pending={pendingKey === `${e.source}:${e.key}`}
                    registerHref={props.registerHref}
                    onAdd={() => void add(e)}
                    onDelete={() => void remove(e)}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function LibraryCard({ entry, matrix, currency, canEdit, pending, registerHref, onAdd, onDelete }: {
  entry: LibraryEntryDto;
  matrix: RiskLibraryListProps["matrix"];
  currency: string;
  canEdit: boolean;
  pending: boolean;
  registerHref: string;
  onAdd: () => void;
  onDelete: () => void;
}) {
  const r = entry.risk;
  const facts: [string, string][] = [
    ["Probability", describeProbability(r, matrix.likelihoodLabels, matrix.likelihoodProbabilities)],
    ["Schedule", describeSchedule(r)],
    ["Cost", describeCost(r, currency)],
    ["On this matrix", `${levelName(matrix.likelihoodLabels, r.likelihood)} likelihood × ${levelName(matrix.impactLabels, r.impact)} impact (${r.likelihood}×${r.impact} of ${matrix.size})`],
  ];
  return (
    <li className="flex flex-col rounded-lg bg-white p-4 shadow-sm ring-1 ring-ink-200/70">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold text-ink-900">{r.title}</h3>
          <div className="mt-1 flex flex-wrap gap-1.5">
            <Badge tone={entry.source === "firm" ? "violet" : "neutral"}>{LIBRARY_SOURCE_LABELS[entry.source]}</Badge>
            <Badge>{labelOf(RISK_CATEGORY_LABELS, r.category)}</Badge>
            {entry.appliesTo.length === 3 ? <Badge tone="brand">All types</Badge> : entry.appliesTo.map((t) => <Badge key={t} tone="brand">Type {t}</Badge>)}
          </div>
        </div>
        <div className="shrink-0">
          {entry.inRegister ? (
            <Link href={`${registerHref}?risk=${encodeURIComponent(entry.inRegister.riskId)}`} className="inline-flex items-center gap-1 rounded-md bg-emerald-50 px-2.5 py-1.5 text-sm font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset hover:bg-emerald-100" aria-label={`In register as ${entry.inRegister.title}`}>
              <Check className="size-4" aria-hidden /> In register
            </Link>
          ) : canEdit ? (
            <Button size="sm" onClick={onAdd} pending={pending} aria-label={`Add “${r.title}” to the register`}>
              <Plus className="size-4" aria-hidden /> Add to register
            </Button>
          ) : null}
        </div>
      </div>
      {r.cause || r.effect ? (
        <p className="mt-2 text-sm text-ink-700">
          {r.cause}
          {r.cause && r.effect ? " " : ""}
          {r.effect ? <span className="text-ink-600">→ {r.effect}</span> : null}
        </p>
      ) : null}
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-ink-500">{k}</dt>
            <dd className="text-ink-900">{v}</dd>
          </div>
        ))}
      </dl>
      {r.mitigationPlan ? (
        <p className="mt-3 border-t border-ink-100 pt-2 text-sm text-ink-700">
          <span className="text-xs text-ink-500">Mitigation: </span>
          {r.mitigationPlan}
        </p>
      ) : null}
      {entry.source === "firm" ? (
        <div className="mt-auto flex items-center justify-between gap-2 pt-3 text-xs text-ink-500">
          <span>Saved by {entry.createdByName ?? "—"}{entry.createdAt ? ` on ${formatDate(entry.createdAt)}` : ""}</span>
          {entry.canDelete ? (
            <button type="button" onClick={onDelete} className="inline-flex items-center gap-1 text-red-700 hover:underline" aria-label={`Remove “${r.title}” from the firm library`}>
              <Trash2 className="size-3.5" aria-hidden /> Remove
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
