// The downloads behind the report's route handlers: load the report for the viewer's role, audit, render.
// Route handlers stay routing-only (auth → params → one call here → Response).
import "server-only";
import type { EngagementAccess } from "@/lib/auth/access";
import { can } from "@/lib/auth/access-matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { contentDisposition, downloadFileName } from "@/lib/import-export/write";
import { AppError } from "@/lib/errors";
import type { EstimateFailureView } from "@/lib/estimate-results/failure";
import { loadReportOutcome } from "@/lib/report/data";
import type { ReportView } from "@/lib/report/model";
import { reportTable, tableCsv, tableXlsx } from "@/lib/report/export";
import { recordReportDownload } from "@/lib/report/mutations";
import { renderReportPdf } from "@/lib/report/pdf";
import type { ReportExportFormat, ReportExportPart } from "@/lib/report/schema";

export type ReportDownload = { fileName: string; contentType: string; body: Uint8Array | string };

export function reportDownloadResponse(d: ReportDownload): Response {
  return new Response(typeof d.body === "string" ? d.body : new Uint8Array(d.body), {
    headers: {
      "Content-Type": d.contentType,
      "Content-Disposition": contentDisposition(d.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * The report for a download, or a clear refusal when its estimate cannot be computed: 503 when the run went
 * over its time budget (it may pass later), 409 when the inputs themselves are refused — never a 500.
 */
async function reportForDownload(access: EngagementAccess, seed: number): Promise<ReportView> {
  const outcome = await loadReportOutcome(access.engagementId, { seed, canSeeRates: can(access.role, "rates.view") });
  if (outcome.ok) return outcome.report;
  throw new AppError(outcome.failure.kind === "budget" ? "UNAVAILABLE" : "CONFLICT", downloadFailureMessage(outcome.failure));
}

export function downloadFailureMessage(f: EstimateFailureView): string {
  const what = f.kind === "budget" ? "took longer than its time budget" : "cannot be computed from the current inputs";
  const next = f.kind === "budget" ? "Try again in a moment, or open the report page to see what to check." : `Check: ${f.checks.map((c) => c.label).join(", ")} — the report page says more.`;
  return `The report cannot be produced: its estimate ${what}. Reason: ${f.reason.replace(/[.\s]*$/, ".")} ${next}`;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The report as a PDF; audited as report.pdf_download. */
export async function reportPdfDownload(access: EngagementAccess, user: CurrentUser, seed: number, requestId = ""): Promise<ReportDownload> {
  const report = await reportForDownload(access, seed);
  const fileName = downloadFileName([report.meta.clientName, "priced timeline report", today()], "pdf");
  const body = await renderReportPdf(report);
  await recordReportDownload(access.engagementId, { ...user, role: access.role }, { action: "report.pdf_download", format: "pdf", seed, fileName }, requestId);
  return { fileName, contentType: "application/pdf", body };
}

/** The cost lines or the phase plan as CSV/XLSX; audited as report.export. */
export async function reportTableDownload(access: EngagementAccess, user: CurrentUser, part: ReportExportPart, format: ReportExportFormat, seed: number, requestId = ""): Promise<ReportDownload> {
  const report = await reportForDownload(access, seed);
  const table = reportTable(report, part);
  const fileName = downloadFileName([report.meta.clientName, part === "costs" ? "cost lines" : "phase plan", today()], format);
  const body = format === "csv" ? tableCsv(table) : new Uint8Array(await tableXlsx(table, report));
  await recordReportDownload(access.engagementId, { ...user, role: access.role }, { action: "report.export", format, part, seed, fileName }, requestId);
  return { fileName, contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}
