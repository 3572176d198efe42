// The activity log as CSV (the filters of the page applied), in the same words as the page: the person,
// their role, what happened and the changes — no raw keys. Built with the report's table helpers
// (lib/report/export: formula-injection-safe text, UTF-8 BOM, CRLF). The download itself is audited
// as export.activity.
import "server-only";
import type { EngagementAccess } from "@/lib/auth/access";
import { ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { findAuditEventsForExport, type AuditEventDto } from "@/lib/audit/data";
import { ACTIVITY_KINDS, activityKindOf, describeChanges, humanAction } from "@/lib/audit/labels";
import { recordAccessEvent } from "@/lib/audit/mutations";
import { ACTIVITY_EXPORT_LIMIT, type ActivityFilter } from "@/lib/audit/schema";
import { findEngagement } from "@/lib/engagements/data";
import { downloadFileName } from "@/lib/import-export/write";
import { tableCsv, type Cell, type Table } from "@/lib/report/export";
import type { ReportDownload } from "@/lib/report/downloads";

const text = (v: string): Cell => ({ t: "text", v });

export function activityTable(events: readonly AuditEventDto[]): Table {
  const headers = ["When (UTC)", "Person", "Role", "What happened", "Kind", "Changes", "Outcome", "Entry"];
  const rows: Cell[][] = events.map((e) => {
    const kind = activityKindOf(e.action);
    return [
      text(e.createdAt.replace("T", " ").replace(/\.\d+Z$/, "")),
      text(e.actorEmail || "system"),
      text(ROLE_LABELS[e.actorRole as Role] ?? (e.actorRole ? e.actorRole.replace(/_/g, " ") : "")),
      text(humanAction(e.action)),
      text(kind ? ACTIVITY_KINDS[kind].label : "Other"),
      text(describeChanges(e.changes, 50)),
      text(e.outcome === "success" ? "done" : e.outcome.replace(/_/g, " ")),
      text(e.id),
    ];
  });
  return { title: "Activity", headers, widths: [20, 32, 18, 36, 28, 80, 10, 10], rows };
}

/** The filtered activity as CSV; at most ACTIVITY_EXPORT_LIMIT rows (the last line says when there were more). */
export async function activityCsvDownload(access: EngagementAccess, user: CurrentUser, filter: ActivityFilter, requestId = ""): Promise<ReportDownload> {
  const [{ events, truncated }, engagement] = await Promise.all([findAuditEventsForExport(access.engagementId, filter, ACTIVITY_EXPORT_LIMIT), findEngagement(access.engagementId)]);
  const table = activityTable(events);
  if (truncated) table.rows.push([text(`Only the newest ${ACTIVITY_EXPORT_LIMIT.toLocaleString("en-US")} entries; narrow the dates to export the rest.`), null, null, null, null, null, null, null]);
  const fileName = downloadFileName([engagement.clientName, "activity", new Date().toISOString().slice(0, 10)], "csv");
  const body = tableCsv(table);
  await recordAccessEvent({
    organizationId: user.organizationId,
    engagementId: access.engagementId,
    actor: { id: user.id, email: user.email, role: access.role },
    action: "export.activity",
    entityType: "engagement",
    entityId: access.engagementId,
    changes: { format: "csv", rows: events.length, fileName, ...filter },
    requestId,
  });
  return { fileName, contentType: "text/csv; charset=utf-8", body };
}
