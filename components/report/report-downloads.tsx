// The report's downloads and print button (kept off paper). Read-only: downloads are audited server-side.
import { Download } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/report/print-button";

export type ReportDownloadLinks = { pdf: string; costsCsv: string; costsXlsx: string; phasesCsv: string; phasesXlsx: string };

export function ReportDownloads({ links }: { links: ReportDownloadLinks }) {
  const small = "text-sm font-medium text-brand-700 hover:underline";
  return (
    <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-2">
      <a href={links.pdf} className={buttonClass("primary", "sm")} download>
        <Download className="size-4" aria-hidden /> Download PDF
      </a>
      <PrintButton />
      <span className="text-sm text-ink-600">
        Cost lines <a className={small} href={links.costsCsv} download>CSV</a> · <a className={small} href={links.costsXlsx} download>XLSX</a>
      </span>
      <span className="text-sm text-ink-600">
        Phase plan <a className={small} href={links.phasesCsv} download>CSV</a> · <a className={small} href={links.phasesXlsx} download>XLSX</a>
      </span>
    </div>
  );
}
