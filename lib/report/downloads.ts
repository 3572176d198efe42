// The downloads behind the report's route handlers: load the report for the viewer's role, audit, render.
// Route handlers stay routing-only (auth → params → one call here → Response).
import "server-only";
import type { EngagementAccess } from "@/lib/auth/access";
import { can } from "@/lib/auth/access-matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { contentDisposition, downloadFileName } from "@/lib/import-export/write";
import { loadReport } from "@/lib/report/data";
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

const today = () => new Date().toISOString().slice(0, 10);

/** The report as a PDF; audited as report.pdf_download. */
export async function reportPdfDownload(access: EngagementAccess, user: CurrentUser, seed: number, requestId = ""): Promise<ReportDownload> {
  const report = await loadReport(access.engagementId, { seed, canSeeRates: can(access.role, "rates.view") });
  const fileName = downloadFileName([report.meta.clientName, "priced timeline report", today()], "pdf");
  const body = await renderReportPdf(report);
  await recordReportDownload(access.engagementId, { ...user, role: access.role }, { action: "report.pdf_download", format: "pdf", seed, fileName }, requestId);
  return { fileName, contentType: "application/pdf", body };
}

/** The cost lines or the phase plan as CSV/XLSX; audited as report.export. */
export async function reportTableDownload(access: EngagementAccess, user: CurrentUser, part: ReportExportPart, format: ReportExportFormat, seed: number, requestId = ""): Promise<ReportDownload> {
  const report = await loadReport(access.engagementId, { seed, canSeeRates: can(access.role, "rates.view") });
  const table = reportTable(report, part);
  const fileName = downloadFileName([report.meta.clientName, part === "costs" ? "cost lines" : "phase plan", today()], format);
  const body = format === "csv" ? tableCsv(table) : new Uint8Array(await tableXlsx(table, report));
  await recordReportDownload(access.engagementId, { ...user, role: access.role }, { action: "report.export", format, part, seed, fileName }, requestId);
  return { fileName, contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}
