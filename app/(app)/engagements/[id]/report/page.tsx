import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { loadReportOutcome } from "@/lib/report/data";
import { retryEstimateAction } from "@/lib/estimate-results/actions";
import { parseSeed, reportExportPath, reportPdfPath } from "@/lib/report/schema";
import { findShareLinks } from "@/lib/share-links/data";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/share-links/actions";
import { ReportDocument } from "@/components/report/report-document";
import { ReportDownloads } from "@/components/report/report-downloads";
import { ShareLinksPanel } from "@/components/share-links/share-links-panel";
import { EstimateFailed } from "@/components/estimate/estimate-failed";
import { RetryEstimateButton } from "@/components/estimate/retry-estimate-button";

export const metadata: Metadata = { title: "Executive report" };

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { access } = await requirePageAccess(id, "report.view");
  const seed = parseSeed(query.seed);
  const canShare = can(access.role, "report.share");
  const [outcome, links] = await Promise.all([
    // an estimate that cannot be computed is a state of this page (what failed, what to check), not the error page
    loadReportOutcome(access.engagementId, { seed, canSeeRates: can(access.role, "rates.view") }),
    canShare ? findShareLinks(access.engagementId) : Promise.resolve(null),
  ]);
  const e = access.engagementId;
  const sharePanel = links ? <ShareLinksPanel engagementId={e} links={links} createShareLink={createShareLinkAction} revokeShareLink={revokeShareLinkAction} /> : null;

  if (!outcome.ok) {
    return (
      <main className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold">Executive report</h1>
          <p className="mt-1 max-w-3xl text-sm text-ink-600">The report is generated from the live inventories and their estimate. It cannot be shown, printed or downloaded until the estimate can be computed.</p>
        </div>
        <EstimateFailed
          failure={{ ...outcome.failure, checks: [{ label: "The estimate page", href: `/engagements/${e}/estimate` }, ...outcome.failure.checks] }}
          retry={can(access.role, "estimate.view") ? <RetryEstimateButton engagementId={e} seed={seed} retry={retryEstimateAction} /> : null}
        />
        {sharePanel}
      </main>
    );
  }
  const report = outcome.report;

  return (
    <main className="space-y-6">
      <div className="no-print flex flex-wrap items-end justify-between gap-4">
        <div>
          <div className="text-xs font-medium tracking-wide text-ink-500 uppercase">{report.meta.clientName}</div>
          <h1 className="text-2xl font-semibold">Executive report</h1>
          <p className="mt-1 max-w-3xl text-sm text-ink-600">Generated from the live inventories and estimate. Download it as a PDF, print it, or export its tables.</p>
        </div>
        <ReportDownloads
          links={{
            pdf: reportPdfPath(e, seed),
            costsCsv: reportExportPath(e, "costs", "csv", seed),
            costsXlsx: reportExportPath(e, "costs", "xlsx", seed),
            phasesCsv: reportExportPath(e, "phases", "csv", seed),
            phasesXlsx: reportExportPath(e, "phases", "xlsx", seed),
          }}
        />
      </div>
      {sharePanel}
      <ReportDocument report={report} />
    </main>
  );
}
