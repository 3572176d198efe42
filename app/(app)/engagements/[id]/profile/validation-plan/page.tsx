// /engagements/[id]/profile/validation-plan — the validation plan (issue 10 item 6): generated from the data
// inventory and the latest profile of each entity, edited by the consultant (per entity: checks kept,
// reworded or added, the golden-patient set; the mock rounds), exported as XLSX and shown in the report's appendix.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Download } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { loadValidationPlan } from "@/lib/profile-runs/data";
import { saveEntityPlanAction, saveMockRoundsAction } from "@/lib/profile-runs/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { EntityPlanForm, MockRoundsForm } from "@/components/profile-runs/validation-plan-forms";

export const metadata: Metadata = { title: "Validation plan" };

export default async function ValidationPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const loaded = await loadValidationPlan(access.engagementId);
  const { plan, generated, edits } = loaded;
  const canEdit = can(access.role, "inventory.edit") && !access.isArchived;
  const base = `/engagements/${access.engagementId}`;
  const entities = plan.goldenSets;
  return (
    <main className="space-y-6">
      <PageHeader
        eyebrow={<Link href={`${base}/profile`} className="hover:text-brand-700">Profiling</Link>}
        title="Validation plan"
        description="How the converted data will be proven right: per entity the reconciliation checks (counts, key hashes, sums, date range, one per quirk), the golden patients to check by hand — chosen to cover every quirk, with the profiled rows where there are some — and the mock conversion rounds with their acceptance thresholds. Generated from the data inventory and the latest profile of each entity; your edits are kept when the inventory changes. It is the report's appendix."
        actions={can(access.role, "data.export") ? (
          <a href={`/api/engagements/${access.engagementId}/validation-plan`} download className={buttonClass("secondary", "sm")}>
            <Download className="size-4" aria-hidden /> Download (.xlsx)
          </a>
        ) : null}
      />
      <p className="text-sm text-ink-600" data-testid="plan-edited">
        {loaded.updatedAt ? <>Last edited {formatDateTime(loaded.updatedAt)} by {loaded.updatedByName} (version {loaded.version}).</> : "As generated: nobody has edited it yet."}
        {access.isArchived ? " This engagement is archived: restore it in Settings to edit the plan." : null}
      </p>
      {entities.length === 0 ? (
        <Card>
          <div className="p-5">
            <EmptyState title="No data entities to validate yet">
              Add the entities that will be migrated on the <Link href={`${base}/data`} className="underline">data inventory</Link> (entities marked “do not migrate” or “archive only” need no golden patients); the plan is generated from them.
            </EmptyState>
          </div>
        </Card>
      ) : null}
      {entities.map((g) => {
        const checks = plan.checks.filter((c) => c.entityId === g.entityId);
        const gen = generated.checks.filter((c) => c.entityId === g.entityId);
        const e = edits.entities?.[g.entityId];
        const cases = plan.golden.filter((x) => x.entityId === g.entityId);
        return (
          <Card key={g.entityId}>
            <CardHeader
              title={<span className="break-all">{g.sourceObject}</span>}
              description={<>{g.entity} · {formatNumber(checks.length)} checks · {formatNumber(g.size)} golden patients{g.edited || checks.some((c) => c.edited) || e?.checks ? <> · <Badge tone="brand">edited</Badge></> : null}</>}
            />
            <ScrollRegion label={`Reconciliation checks of ${g.sourceObject}`}>
              <table className="w-full min-w-[40rem] text-sm">
                <thead className="bg-ink-50 text-left text-xs font-semibold uppercase tracking-wide text-ink-600">
                  <tr><th scope="col" className="px-5 py-2">Check</th><th scope="col" className="px-3 py-2">Method</th><th scope="col" className="px-5 py-2">Acceptance</th></tr>
                </thead>
                <tbody className="divide-y divide-ink-100 align-top">
                  {checks.map((c, i) => (
                    <tr key={`${c.check}-${i}`}>
                      <td className="px-5 py-2 font-medium text-ink-900">{c.check}</td>
                      <td className="px-3 py-2 text-ink-700">{c.method || "—"}</td>
                      <td className="px-5 py-2 text-ink-800">{c.acceptance}{c.edited ? <span className="ml-1 text-xs text-brand-700">(edited)</span> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            <div className="border-t border-ink-100 px-5 py-3 text-sm text-ink-700">
              <p><span className="font-medium text-ink-900">Golden patients:</span> {formatNumber(g.size)} to check by hand{cases.length ? `, covering ${cases.map((x) => x.quirk).join(", ")}` : ""}.</p>
              {cases.map((x, i) => <p key={i} className="mt-1 text-ink-600">{x.quirk}: {x.pick} — from {x.source}</p>)}
              {g.notes ? <p className="mt-1 whitespace-pre-line">{g.notes}</p> : null}
            </div>
            {canEdit ? (
              <details className="border-t border-ink-100 px-5 py-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit the plan of {g.sourceObject}</summary>
                <div className="mt-3">
                  <EntityPlanForm
                    engagementId={access.engagementId}
                    entityId={g.entityId}
                    name={g.sourceObject}
                    version={loaded.version}
                    checks={gen.map((c) => ({
                      check: c.check, method: c.method, generatedAcceptance: c.acceptance,
                      acceptance: e?.checks?.[c.check]?.acceptance ?? c.acceptance, include: !e?.checks?.[c.check]?.omit,
                    }))}
                    added={e?.added ?? []}
                    goldenSize={g.size}
                    goldenNotes={g.notes}
                    action={saveEntityPlanAction}
                  />
                </div>
              </details>
            ) : null}
          </Card>
        );
      })}
      <Card>
        <CardHeader title="Mock conversion rounds" description={`${plan.rounds.length} rounds; thresholds tighten to the dress rehearsal.`} />
        <ol className="divide-y divide-ink-100">
          {plan.rounds.map((r) => (
            <li key={r.round} className="px-5 py-3 text-sm">
              <p className="font-medium text-ink-900">{r.name}{r.edited ? <span className="ml-1 text-xs font-normal text-brand-700">(edited)</span> : null}</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-ink-700">{r.acceptance.map((a, i) => <li key={i}>{a}</li>)}</ul>
            </li>
          ))}
        </ol>
        {canEdit ? (
          <details className="border-t border-ink-100 px-5 py-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit the mock rounds</summary>
            <div className="mt-3">
              <MockRoundsForm engagementId={access.engagementId} version={loaded.version} rounds={plan.rounds} action={saveMockRoundsAction} />
            </div>
          </details>
        ) : null}
      </Card>
    </main>
  );
}
