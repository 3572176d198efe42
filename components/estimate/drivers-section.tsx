"use client";
// Drivers (tornado): which inputs and risks move the duration and the cost the most. A toggle switches
// between duration and cost; the chart and its data table show the TORNADO_BARS largest swings. The page
// sends only those (tornadoBars in drivers-data.ts): the engine ranks every input and risk — 600+ bars on a
// large engagement, 150 KB the browser would receive and never draw.
import { useState } from "react";
import { TORNADO_BARS, type DriverBar } from "@/components/estimate/drivers-data";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { TornadoChart } from "@/components/charts/tornado-chart";
import { CHART_COLORS, formatterFor } from "@/components/charts/format";
import { cn } from "@/components/ui/cn";

const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export function DriversSection({ duration, cost, meanWeeks, meanCents, currency }: { duration: DriverBar[]; cost: DriverBar[]; meanWeeks: number; meanCents: number; currency: string }) {
  const [which, setWhich] = useState<"duration" | "cost">("duration");
  const bars = (which === "duration" ? duration : cost).slice(0, TORNADO_BARS);
  const toUnit = (v: number) => (which === "duration" ? v / WEEKS_PER_MONTH : v);
  const rows = bars.map((b) => ({ label: b.label.replace(/ \(three-point range\)$/, "").replace(/ \(shared systemic factor\)$/, " (systemic)"), low: toUnit(b.low), high: toUnit(b.high), lowLabel: b.lowLabel, highLabel: b.highLabel }));
  const unit = which === "duration" ? "months" : "money";
  const full = formatterFor(unit, currency, "full");
  const center = which === "duration" ? meanWeeks / WEEKS_PER_MONTH : meanCents;
  return (
    <div>
      <div role="group" aria-label="Tornado for" className="mb-3 inline-flex rounded-md bg-ink-100 p-0.5">
        {(["duration", "cost"] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={which === k}
            onClick={() => setWhich(k)}
            className={cn("rounded px-3 py-1 text-sm font-medium", which === k ? "bg-white text-ink-900 shadow-sm" : "text-ink-600 hover:text-ink-900")}
          >
            {k === "duration" ? "Duration" : "Cost"}
          </button>
        ))}
      </div>
      <ChartFrame
        title={`Tornado — what moves the ${which}`}
        description={`Mean ${which} when a driver is at its low end (left: at or below its P10, or the risk does not occur) or its high end (right: at or above its P90, or the risk occurs), against the overall mean. Largest swing on top.`}
        summary={rows.slice(0, 5).map((r) => `${r.label}: ${full(r.low)} to ${full(r.high)}`).join("; ")}
        legend={
          <div className="flex flex-wrap gap-4">
            <LegendItem color={CHART_COLORS.base} label="Driver at its low end" />
            <LegendItem color={CHART_COLORS.p80} label="Driver at its high end" />
          </div>
        }
        table={{
          columns: [{ key: "label", label: "Driver" }, { key: "low", label: "Low end", align: "right" }, { key: "high", label: "High end", align: "right" }, { key: "swing", label: "Swing", align: "right" }],
          rows: rows.map((r) => ({ label: r.label, low: `${full(r.low)} (${r.lowLabel})`, high: `${full(r.high)} (${r.highLabel})`, swing: full(Math.abs(r.high - r.low)) })),
        }}
      >
        <TornadoChart rows={rows} center={center} unit={unit} currency={currency} centerLabel="Mean" />
      </ChartFrame>
    </div>
  );
}
