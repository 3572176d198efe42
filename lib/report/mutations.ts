// The report's only writes: audit entries for its downloads (report.pdf_download, report.export).
import "server-only";
import { recordAccessEvent } from "@/lib/audit/mutations";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";

export type ReportActor = { id: string; email: string; role: Role; organizationId: string };

export async function recordReportDownload(
  engagementId: AuthorizedEngagementId,
  actor: ReportActor,
  what: { action: "report.pdf_download" | "report.export"; format: string; part?: string; seed: number; fileName: string },
  requestId = "",
): Promise<void> {
  const { action, ...changes } = what;
  // a download is delivered even when the audit chain is busy (recordAccessEvent retries in the background)
  await recordAccessEvent({
    organizationId: actor.organizationId,
    engagementId,
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action,
    entityType: "engagement",
    entityId: engagementId,
    changes,
    requestId,
  });
}
