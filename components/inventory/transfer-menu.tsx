"use client";
// Import / export of one inventory (built by the import-export feature at these URLs): import a file, export
// the rows as CSV or XLSX, or download a blank template. Rendered only for roles with data.import / data.export.
import { useEffect, useRef } from "react";
import Link from "@/components/ui/link";
import { ChevronDown, Download, FileSpreadsheet, Upload } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import type { InventoryKey } from "@/lib/inventories/registry";

export function transferUrls(engagementId: string, inventory: InventoryKey) {
  const api = `/api/engagements/${engagementId}`;
  return {
    importPage: `/engagements/${engagementId}/import/${inventory}`,
    exportCsv: `${api}/export/${inventory}?format=csv`,
    exportXlsx: `${api}/export/${inventory}?format=xlsx`,
    templateCsv: `${api}/template/${inventory}?format=csv`,
    templateXlsx: `${api}/template/${inventory}?format=xlsx`,
  };
}

const item = "flex items-center gap-2 rounded px-3 py-2 text-sm text-ink-800 hover:bg-ink-100 focus:bg-ink-100 focus:outline-none";

export function TransferMenu({ engagementId, inventory, canImport, canExport }: { engagementId: string; inventory: InventoryKey; canImport: boolean; canExport: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, []);
  if (!canImport && !canExport) return null;
  const urls = transferUrls(engagementId, inventory);
  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary className={buttonClass("secondary", "md", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
        <FileSpreadsheet className="size-4" aria-hidden /> Import / export <ChevronDown className="size-3.5" aria-hidden />
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-lg bg-white p-1 shadow-lg ring-1 ring-ink-200">
        {canImport ? (
          <Link href={urls.importPage} className={item}>
            <Upload className="size-4 text-ink-500" aria-hidden /> Import from a CSV or Excel file…
          </Link>
        ) : null}
        {canExport ? (
          <>
            <a href={urls.exportCsv} className={item} download>
              <Download className="size-4 text-ink-500" aria-hidden /> Export as CSV
            </a>
            <a href={urls.exportXlsx} className={item} download>
              <Download className="size-4 text-ink-500" aria-hidden /> Export as Excel (XLSX)
            </a>
          </>
        ) : null}
        {canImport ? (
          <>
            <div className="my-1 border-t border-ink-100" />
            <a href={urls.templateXlsx} className={item} download>
              <FileSpreadsheet className="size-4 text-ink-500" aria-hidden /> Blank template (XLSX)
            </a>
            <a href={urls.templateCsv} className={item} download>
              <FileSpreadsheet className="size-4 text-ink-500" aria-hidden /> Blank template (CSV)
            </a>
          </>
        ) : null}
      </div>
    </details>
  );
}
