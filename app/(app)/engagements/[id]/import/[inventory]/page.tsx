// /engagements/[id]/import/[inventory] — import a CSV/XLSX file into one inventory: upload, map, dry run, apply.
// ?batch=<id> resumes an import in progress (its state lives in the ImportBatch row).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { requirePageAccess } from "@/lib/auth/session";
import { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import { inventorySpec } from "@/lib/import-export/columns";
import { INVENTORY_PAGE_SLUGS } from "@/lib/import-export/schema";
import { loadImportBatchView } from "@/lib/import-export/data";
import { applyImportAction, applySavedProfileAction, runDryRunAction, saveImportProfileAction, uploadImportFileAction } from "@/lib/import-export/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ImportWizard } from "@/components/import-export/import-wizard";

export const metadata: Metadata = { title: "Import" };

export default async function InventoryImportPage({ params, searchParams }: { params: Promise<{ id: string; inventory: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id, inventory } = await params;
  if (!(INVENTORY_KEYS as readonly string[]).includes(inventory)) notFound();
  const { access } = await requirePageAccess(id, "data.import");
  const key = inventory as InventoryKey;
  const spec = inventorySpec(key);
  const batch = (await searchParams).batch;
  const initial = typeof batch === "string" && batch ? await loadImportBatchView(access.engagementId, key, batch) : null;
  const base = `/engagements/${access.engagementId}`;
  const api = `/api/engagements/${access.engagementId}`;
  return (
    <main>
      <PageHeader
        eyebrow={<Link href={`${base}/import`} className="hover:text-brand-700">Import &amp; export</Link>}
        title={`Import into the ${spec.label.toLowerCase()}`}
        description={`Upload a CSV or Excel file, check how its columns match, see what would change row by row, then apply. Rows are matched on ${spec.keyHeaders}.`}
      />
      {access.isArchived ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">This engagement is archived. Restore it in Settings before importing into it.</p>
      ) : (
        <ImportWizard
          key={initial?.batchId ?? "new"}
          engagementId={access.engagementId}
          inventory={key}
          inventoryHref={`${base}/${INVENTORY_PAGE_SLUGS[key]}`}
          templateHrefs={{ xlsx: `${api}/template/${key}?format=xlsx`, csv: `${api}/template/${key}?format=csv` }}
          initial={initial}
          missingBatch={typeof batch === "string" && batch !== "" && !initial}
          actions={{ upload: uploadImportFileAction, dryRun: runDryRunAction, apply: applyImportAction, applyProfile: applySavedProfileAction, saveProfile: saveImportProfileAction }}
        />
      )}
    </main>
  );
}
