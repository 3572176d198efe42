// /engagements/[id]/import — Import & export hub: per inventory, import a file, export CSV/XLSX, download a
// template; the whole engagement as JSON; the last imports.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Download, FileJson, FileSpreadsheet, Upload } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findInventoryCounts } from "@/lib/engagements/data";
import { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import { inventorySpec } from "@/lib/import-export/columns";
import { INVENTORY_PAGE_SLUGS } from "@/lib/import-export/schema";
import { findRecentImports } from "@/lib/import-export/data";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Import & export" };

export default async function ImportExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "data.import");
  const [counts, recent] = await Promise.all([findInventoryCounts(access.engagementId), findRecentImports(access.engagementId)]);
  const rowsOf: Record<InventoryKey, number> = { data: counts.dataEntities, workflows: counts.workflowItems, integrations: counts.integrations, reports: counts.reports, risks: counts.risks };
  const base = `/engagements/${access.engagementId}`;
  const api = `/api/engagements/${access.engagementId}`;
  const canExport = can(access.role, "data.export");
  return (
    <main className="space-y-6">
      <PageHeader
        title="Import & export"
        description="Bring the spreadsheets you collect during scoping into the inventories, and take them out again in the same columns: an exported file imports back unchanged."
      />
      <Card>
        <CardHeader title="Inventories" description="CSV or Excel (.xlsx). Each import shows a dry run — new, updated, unchanged and invalid rows — before anything is written." />
        <ul className="divide-y divide-ink-100">
          {INVENTORY_KEYS.map((key) => {
            const spec = inventorySpec(key);
            return (
              <li key={key} className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
                <div className="min-w-0">
                  <Link href={`${base}/${INVENTORY_PAGE_SLUGS[key]}`} className="font-medium text-ink-900 hover:text-brand-700">{spec.label}</Link>
                  <div className="text-sm text-ink-500">{formatNumber(rowsOf[key])} {rowsOf[key] === 1 ? "row" : "rows"} · matched on {spec.keyHeaders}</div>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <ButtonLink href={`${base}/import/${key}`} size="sm" aria-label={`Import into the ${spec.label.toLowerCase()}`}>
                    <Upload className="size-4" aria-hidden /> Import
                  </ButtonLink>
                  {canExport ? (
                    <>
                      <a href={`${api}/export/${key}?format=xlsx`} download className={buttonClass("secondary", "sm")} aria-label={`Export the ${spec.label.toLowerCase()} as Excel`}>
                        <Download className="size-4" aria-hidden /> .xlsx
                      </a>
                      <a href={`${api}/export/${key}?format=csv`} download className={buttonClass("secondary", "sm")} aria-label={`Export the ${spec.label.toLowerCase()} as CSV`}>
                        <Download className="size-4" aria-hidden /> .csv
                      </a>
                    </>
                  ) : null}
                  <a href={`${api}/template/${key}?format=xlsx`} download className={buttonClass("ghost", "sm")} aria-label={`Template for the ${spec.label.toLowerCase()}`}>
                    <FileSpreadsheet className="size-4" aria-hidden /> Template
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      </Card>

      {canExport ? (
        <Card>
          <CardHeader
            title="The whole engagement"
            description="One JSON file with the profile, every inventory, the audit-trail policy, risk matrix, risks and assumptions — to archive, to hand to the estimate CLI, or to import as a new engagement (Engagements → Import)."
          />
          <CardBody className="flex flex-wrap items-center gap-3">
            <a href={`${api}/export.json`} download className={buttonClass("secondary")}>
              <FileJson className="size-4" aria-hidden /> Export engagement (.json)
            </a>
            <span className="text-sm text-ink-500">Format: sounding.engagement, version 1 (documented in docs/engagement-format.md).</span>
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title="Recent imports" description="Applied imports of this engagement; each is also an entry in the activity log." />
        {recent.length === 0 ? (
          <CardBody><p className="text-sm text-ink-500">No imports yet.</p></CardBody>
        ) : (
          <ScrollRegion label="Recent imports">
            <table className="min-w-full divide-y divide-ink-100 text-sm">
              <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
                <tr>
                  <th scope="col" className="px-5 py-2.5">When</th>
                  <th scope="col" className="px-5 py-2.5">Inventory</th>
                  <th scope="col" className="px-5 py-2.5">File</th>
                  <th scope="col" className="px-5 py-2.5 text-right">Created</th>
                  <th scope="col" className="px-5 py-2.5 text-right">Updated</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {recent.map((r) => (
                  <tr key={r.batchId}>
                    <td className="px-5 py-2.5 text-ink-700">{formatDateTime(r.appliedAt)}</td>
                    <td className="px-5 py-2.5 text-ink-700">{inventorySpec(r.inventory).label}</td>
                    <td className="max-w-xs truncate px-5 py-2.5 text-ink-900">{r.fileName}</td>
                    <td className="tabular px-5 py-2.5 text-right">{formatNumber(r.created)}</td>
                    <td className="tabular px-5 py-2.5 text-right">{formatNumber(r.updated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </main>
  );
}
