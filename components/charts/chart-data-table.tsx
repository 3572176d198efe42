"use client";
// A chart's data table, rendered ONCE: on small screens (below 640 px) it stands in for the chart and is always
// shown (pure CSS: it is in the server HTML, no layout shift); from 640 px up it is folded behind a "Data table"
// toggle. (Before, the frame rendered the table twice — a phone copy and a <details> copy — which doubled the
// page's payload for long tables such as the 149 months of a large engagement's cost by month.)
import { useId, useState, type ReactNode } from "react";
import { ChevronRight } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function ChartDataTable({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-2 text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="hidden cursor-pointer items-center gap-1 rounded text-xs font-medium text-brand-700 hover:text-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 sm:inline-flex"
      >
        <ChevronRight aria-hidden className={cn("size-3.5 transition-transform", open && "rotate-90")} />
        Data table
      </button>
      <div id={id} className={open ? "mt-2" : "sm:hidden"}>
        <p className="mb-1 text-xs text-ink-600 sm:hidden">{summary}</p>
        {children}
      </div>
    </div>
  );
}
