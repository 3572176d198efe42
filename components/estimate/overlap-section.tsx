// License overlap: the band (P10–P90 around P50), its split in the base plan, per wave, and the
// explanation in words. Fee amounts are hidden for viewers without rates.view (split and per-wave too).
import Link from "@/components/ui/link";
import type { EstimateView } from "@/lib/estimates/view";
import { formatMoneyCents, formatNumber } from "@/components/ui/format";
import { moneyCompact } from "@/components/charts/format";
import { DataTable } from "@/components/charts/chart-frame";
import { Explain } from "@/components/estimate/explain";

function Band({ band, base, currency }: { band: EstimateView["licenseOverlap"]["band"]; base: number; currency: string }) {
  const lo = Math.min(band.p10, base) * 0.9;
  const hi = Math.max(band.p90, base) * 1.05 || 1;
  const x = (v: number) => `${((v - lo) / (hi - lo)) * 100}%`;
  const money = (v: number) => moneyCompact(v, currency);
  return (
    <div role="img" aria-label={`License overlap: P10 ${money(band.p10)}, P50 ${money(band.p50)}, P90 ${money(band.p90)}; base plan ${money(base)}.`} className="relative mt-8 mb-10 h-4">
      <div className="absolute inset-y-1 right-0 left-0 rounded-full bg-ink-100" />
      <div className="absolute inset-y-0 rounded-full bg-violet-200 ring-1 ring-violet-400" style={{ left: x(band.p10), width: `calc(${x(band.p90)} - ${x(band.p10)})` }} />
      <div className="absolute -inset-y-1 w-0.5 bg-violet-800" style={{ left: x(band.p50) }} />
      <div className="absolute -inset-y-1 w-0.5 bg-ink-500" style={{ left: x(base) }} />
      <span className="absolute -top-6 -translate-x-1/2 text-xs font-semibold whitespace-nowrap text-violet-900" style={{ left: x(band.p50) }}>P50 {money(band.p50)}</span>
      <span className="absolute top-6 -translate-x-full text-xs whitespace-nowrap text-ink-600" style={{ left: x(band.p10) }}>P10 {money(band.p10)}</span>
      <span className="absolute top-6 text-xs whitespace-nowrap text-ink-600" style={{ left: x(band.p90) }}>P90 {money(band.p90)}</span>
      <span className="absolute -top-6 -translate-x-1/2 text-xs whitespace-nowrap text-ink-500" style={{ left: x(base), display: Math.abs(base - band.p50) / (hi - lo) < 0.15 ? "none" : undefined }}>base {money(base)}</span>
    </div>
  );
}

export function OverlapSection({ view, engagementId }: { view: EstimateView; engagementId: string }) {
  const o = view.licenseOverlap;
  const cur = view.input.currency;
  const money = (v: number | null) => (v === null ? "hidden" : moneyCompact(v, cur));
  // the engine's structured marker (engines before 2.1: the flag)
  const notEntered = o.fees ? o.fees === "not_entered" : view.flags.some((f) => f.code === "NO_LICENSE_FEES");
  if (notEntered) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
        <strong>Not entered.</strong> No license, hosting or infrastructure fees are entered, so the cost of paying two systems at once is not in this estimate.{" "}
        <Link className="font-medium underline" href={`/engagements/${engagementId}/assumptions#license`}>Enter each system&apos;s fee and its basis</Link> (per provider, per user or flat per month) to see it.
      </p>
    );
  }
  const missing = o.notEntered ?? [];
  return (
    <div className="space-y-6">
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <div className="flex items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-ink-900">The band: {money(o.band.p10)} – {money(o.band.p90)} (P10–P90)</h3>
            <Explain explanation={view.explanations["cost.license_overlap"] ?? view.explanations["licenseOverlap"]} engagementId={engagementId} currency={cur} focus={[{ label: "P50", value: money(o.band.p50) }, { label: "P10 – P90", value: `${money(o.band.p10)} – ${money(o.band.p90)}` }]} />
          </div>
          <Band band={o.band} base={o.base.totalCents} currency={cur} />
          <p className="text-sm text-ink-700">{o.explanation}</p>
          {missing.length > 0 ? (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="overlap-partly-not-entered">
              <strong>Not entered:</strong> {missing.join(", ")}. <Link className="font-medium underline" href={`/engagements/${engagementId}/assumptions#license`}>Enter them</Link>; until then they are not in the cost.
            </p>
          ) : null}
        </div>
        <div className="rounded-lg bg-ink-50 p-4 ring-1 ring-ink-200">
          <p className="text-sm text-ink-700">
            At P50 the overlap is <strong>{(o.shareOfTotalCostP50 * 100).toFixed(1)}%</strong> of the total cost ({money(o.band.p50)} of {money(view.cost.totalCents.percentiles.P50 ?? 0)}).
          </p>
          {o.base.destinationCents !== null ? (
            <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
              <div><dt className="text-xs text-ink-500">Destination before go-lives</dt><dd className="tabular font-semibold">{money(o.base.destinationCents)}</dd></div>
              <div><dt className="text-xs text-ink-500">Source after go-lives</dt><dd className="tabular font-semibold">{money(o.base.sourceCents)}</dd></div>
              <div><dt className="text-xs text-ink-500">Read-only archive</dt><dd className="tabular font-semibold">{money(o.base.archiveCents)}</dd></div>
            </dl>
          ) : (
            <p className="mt-3 text-xs text-ink-500">License fees, and the split that would reveal them, are hidden for your role.</p>
          )}
          <p className="mt-3 text-xs text-ink-500">Base plan split. The band is wider than the base plan because slips add weeks of double fees.</p>
        </div>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-ink-900">Per wave (base plan)</h3>
        <div className="mt-2">
          <DataTable
            caption="License overlap per wave in the base plan"
            columns={[
              { key: "wave", label: "Wave" },
              ...(o.base.destinationCents !== null ? [{ key: "d", label: "Destination fees before go-live", align: "right" as const }] : []),
              { key: "dm", label: "Months billed before go-live", align: "right" },
              ...(o.base.destinationCents !== null ? [{ key: "s", label: "Source fees after go-live", align: "right" as const }] : []),
              { key: "sm", label: "Months billed after go-live", align: "right" },
            ]}
            rows={o.perWave.map((w) => ({ wave: w.wave, d: w.destinationCents === null ? "" : formatMoneyCents(w.destinationCents, cur), dm: formatNumber(w.destinationMonths), s: w.sourceCents === null ? "" : formatMoneyCents(w.sourceCents, cur), sm: formatNumber(w.sourceMonths) }))}
          />
          {o.flat && o.flat.destinationCents !== null && (o.flat.destinationCents > 0 || (o.flat.sourceCents ?? 0) > 0) ? (
            <p className="mt-2 text-xs text-ink-600">Flat fees never ramp, so they belong to no wave: {formatMoneyCents(o.flat.destinationCents, cur)} destination before the last go-live, {formatMoneyCents(o.flat.sourceCents ?? 0, cur)} source after it.</p>
          ) : null}
        </div>
      </div>
      {o.perSource && o.perSource.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-ink-900">Per source system (base plan)</h3>
          <div className="mt-2">
            <DataTable
              caption="License overlap per source system in the base plan"
              columns={[
                { key: "name", label: "Source system" },
                { key: "basis", label: "Fee basis" },
                { key: "release", label: "Seats released", align: "right" },
                { key: "contract", label: "Contract ends", align: "right" },
                ...(o.base.destinationCents !== null ? [{ key: "cost", label: "Source fees after go-live", align: "right" as const }] : []),
              ]}
              rows={o.perSource.map((x) => ({
                name: x.name,
                basis: !x.entered ? "Not entered" : x.feeBasis === "flat_month" ? "Flat per month" : x.feeBasis === "per_user_month" ? "Per user per month" : `Per provider per month${x.rampsDown ? ", ramps down per wave" : ""}`,
                release: x.releaseDate ?? "—",
                contract: x.contractEnd ?? "—",
                cost: !x.entered ? "Not entered" : x.baseCents === null ? "" : formatMoneyCents(x.baseCents, cur),
              }))}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
