// Opening /share/<token>: validate the token, record the access (and audit it), load the report. Pages call
// this one function; it keeps the share page routing-only.
import "server-only";
import { findValidShareLink } from "@/lib/share-links/data";
import { recordShareOpen } from "@/lib/share-links/mutations";
import { loadReport } from "@/lib/report/data";
import type { ReportView, ReportViewer } from "@/lib/report/model";

/**
 * What a person without an account sees. Least privilege: a link can be forwarded, so a shared report shows
 * every cost but not the firm's labor rates or the license fees (rates.view). Change here, deliberately, if a
 * firm wants shared reports to match the executive's view.
 */
export const SHARED_REPORT_VIEWER: ReportViewer = { canSeeRates: false };

export type SharedReport = { report: ReportView; expiresAt: string };

/** The shared report, or null for a malformed, unknown, revoked or expired token (one answer for all). */
export async function openSharedReport(token: string, visitor: { ip: string; userAgent: string }, requestId = ""): Promise<SharedReport | null> {
  const link = await findValidShareLink(token);
  if (!link) return null;
  await recordShareOpen(link, visitor, requestId);
  const report = await loadReport(link.engagementId, SHARED_REPORT_VIEWER);
  return { report, expiresAt: link.expiresAt };
}
