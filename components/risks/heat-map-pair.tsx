"use client";
// Inherent and residual heat maps side by side, with how many risks mitigation moves to a lower band.
// Closed risks are left out unless asked for. Presentational: embed it on the risk register page too.
import { useMemo, useState } from "react";
import { formatNumber } from "@/components/ui/format";
import { HeatMap } from "@/components/risks/heat-map";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { SEVERITY_BANDS, positionOf, severityOf, type HeatMapRisk } from "@/lib/risk-matrix/heat-map";

export type HeatMapPairProps = {
  matrix: Pick<RiskMatrix, "size" | "likelihoodLabels" | "impactLabels">;
  risks: (HeatMapRisk & { status?: string })[];
  riskHrefTemplate?: string;
};

export function HeatMapPair({ matrix, risks, riskHrefTemplate }: HeatMapPairProps) {
  const [includeClosed, setIncludeClosed] = useState(false);
  const closedCount = risks.filter((r) => r.status === "closed").length;
  const shown = useMemo(() => (includeClosed ? risks : risks.filter((r) => r.status !== "closed")), [risks, includeClosed]);
  const movement = useMemo(() => {
    let lower = 0, same = 0, higher = 0;
    for (const r of shown) {
      if (r.likelihood > matrix.size || r.impact > matrix.size) continue;
      const a = SEVERITY_BANDS.indexOf(severityOf(r.likelihood, r.impact, matrix.size));
      const p = positionOf(r, "residual");
      const b = SEVERITY_BANDS.indexOf(severityOf(Math.min(p.likelihood, matrix.size), Math.min(p.impact, matrix.size), matrix.size));
      if (b < a) lower++;
      else if (b > a) higher++;
      else same++;
    }
    return { lower, same, higher };
  }, [shown, matrix.size]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-ink-700">
          Mitigation moves <strong>{formatNumber(movement.lower)}</strong> risk{movement.lower === 1 ? "" : "s"} to a lower severity band; {formatNumber(movement.same)} stay in their band
          {movement.higher ? `; ${formatNumber(movement.higher)} rise (check their residual rating)` : ""}.
        </p>
        {closedCount > 0 ? (
          <label className="inline-flex items-center gap-2 text-ink-700">
            <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} className="size-4 rounded border-ink-300 text-brand-600" />
            Include {formatNumber(closedCount)} closed risk{closedCount === 1 ? "" : "s"}
          </label>
        ) : null}
      </div>
      <div className="grid gap-8 xl:grid-cols-2">
        <HeatMap matrix={matrix} risks={shown} mode="inherent" riskHrefTemplate={riskHrefTemplate} />
        <HeatMap matrix={matrix} risks={shown} mode="residual" riskHrefTemplate={riskHrefTemplate} />
      </div>
    </div>
  );
}
