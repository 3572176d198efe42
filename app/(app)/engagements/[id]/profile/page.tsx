// /engagements/[id]/profile — profile sample extracts and interface message samples (issue 10): start a
// run (?target=data_entity:<id> | integration:<id> preselects what the file is a sample of) and the runs so far.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ClipboardCheck, Download, ShieldCheck } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findProfileRuns, findProfileTargetOptions } from "@/lib/profile-runs/data";
import { createProfileRunAction } from "@/lib/profile-runs/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ProfileUploadForm } from "@/components/profile-runs/profile-upload-form";
import type { ProfileRunSummary } from "@/lib/profile-runs/schema";
import { RefreshWhileRunning } from "@/components/profile-runs/refresh-while-running";

export const metadata: Metadata = { title: "Profiling" };

const STATUS_TONE = { uploading: "brand", done: "green", failed: "red", cancelled: "neutral", interrupted: "amber" } as const;
const STATUS_LABEL = { uploading: "running", done: "done", failed: "failed", cancelled: "cancelled", interrupted: "interrupted" } as const;

function runningText(r: ProfileRunSummary): string {
  if (r.phase === "analysing") return "file received, analysing";
  if (r.phase === "waiting") return "waiting for the upload";
  return r.totalBytes ? `uploading, ${formatNumber(Math.min(1, r.bytes / r.totalBytes), { style: "percent", maximumFractionDigits: 0 })}` : "uploading";
}

export default async function ProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const canRun = can(access.role, "profile.run") && !access.isArchived;
  const [runs, options] = await Promise.all([findProfileRuns(access.engagementId), canRun ? findProfileTargetOptions(access.engagementId) : null]);
  const wanted = typeof sp.target === "string" ? sp.target : "";
  const known = options ? [...options.entities, ...options.integrations].some((o) => `${o.type}:${o.id}` === wanted) : false;
  const base = `/engagements/${access.engagementId}`;
  return (
    <main className="space-y-6">
      <PageHeader
        title="Profiling"
        description="Measure data quality in sample extracts and interface messages instead of guessing it: ICD-9 codes, invalid NPIs, duplicate patients, scanned documents, sentinel dates, blank columns, years of data; HL7 versions, events and Z-segments. Findings become quirks, counts and complexity on the inventory when you accept them."
      />
      <section aria-labelledby="phi-note" className="flex gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
        <ShieldCheck className="mt-0.5 size-5 shrink-0" aria-hidden />
        <div>
          <h2 id="phi-note" className="font-semibold">The file is streamed and never stored</h2>
          <p className="mt-1">
            Sounding reads the file once as it arrives and keeps only aggregates — counts, rates, years — and masked examples
            (initials and lengths, code shapes, years, row numbers). No value of the file is written to the database, to disk or to the logs.
            Each run is in the activity log with the file name, its SHA-256 hash and the row count.
          </p>
        </div>
      </section>
      {canRun && options ? (
        <Card>
          <CardHeader title="Profile a file" description="Choose what the file is a sample of, then the file. Large files run with a progress bar and can be cancelled." />
          <div className="px-5 py-4">
            {options.entities.length + options.integrations.length === 0 ? (
              <p className="text-sm text-ink-600">
                Add the <Link href={`${base}/data`} className="underline">data entities</Link> or <Link href={`${base}/integrations`} className="underline">interfaces</Link> first: a profile is always of one of them.
              </p>
            ) : (
              <ProfileUploadForm engagementId={access.engagementId} entities={options.entities} integrations={options.integrations} initialTarget={known ? wanted : ""} createAction={createProfileRunAction} />
            )}
          </div>
        </Card>
      ) : access.isArchived ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">This engagement is archived. Restore it in Settings before profiling files.</p>
      ) : null}
      <Card>
        <CardHeader
          title="Validation plan"
          description="Generated from the data inventory and the latest profile of each entity, then edited by you: per entity the reconciliation checks (counts, key hashes, sums, date range, one per quirk), the golden patients to check by hand — chosen to cover every quirk, with the profiled rows where there are some — and the mock conversion rounds with their acceptance thresholds. It is the report's appendix."
          actions={
            <div className="flex flex-wrap items-center gap-2">
              <ButtonLink href={`${base}/profile/validation-plan`} variant="secondary" size="sm">
                <ClipboardCheck className="size-4" aria-hidden /> {can(access.role, "inventory.edit") && !access.isArchived ? "Review and edit" : "Open"}
              </ButtonLink>
              {can(access.role, "data.export") ? (
                <a href={`/api/engagements/${access.engagementId}/validation-plan`} download className={buttonClass("secondary", "sm")}>
                  <Download className="size-4" aria-hidden /> Validation plan (.xlsx)
                </a>
              ) : null}
            </div>
          }
        />
      </Card>
      <Card>
        <CardHeader title="Profile runs" description="The latest 50 runs, newest first. A run keeps going when you leave this page; open it to follow its progress or read its findings." />
        <RefreshWhileRunning active={runs.some((r) => r.status === "uploading")} />
        {runs.length === 0 ? (
          <div className="p-5">
            <EmptyState title="No profile runs yet">{canRun ? "Profile an extract or a message sample above; its findings will be listed here." : "A consultant or the engagement lead can profile extracts here."}</EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-ink-100">
            {runs.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                <div className="min-w-0">
                  <Link href={`${base}/profile/${r.id}`} className="break-all font-medium text-ink-900 hover:text-brand-700">{r.fileName}</Link>
                  <div className="text-sm text-ink-500">
                    {r.targetType === "data_entity" ? "Extract of" : "Messages of"} {r.targetLabel} · {formatDateTime(r.createdAt)} · {r.createdByName}
                  </div>
                  {r.status !== "done" && r.status !== "uploading" && r.error ? <p className="mt-1 text-sm text-ink-600">{r.error}</p> : null}
                </div>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {r.status === "uploading" ? <span className="tabular text-ink-600">{runningText(r)}</span> : null}
                  {r.rowCount !== null ? <span className="tabular text-ink-600">{formatNumber(r.rowCount)} {r.targetType === "data_entity" ? "records" : "messages"}</span> : null}
                  {r.acceptedCount ? <Badge tone="green">{r.acceptedCount} accepted</Badge> : null}
                  <Badge tone={STATUS_TONE[r.status]}>{STATUS_LABEL[r.status]}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
