// What a finished run measured: every check with its rate, count and masked examples (extracts), or the
// message profile (interfaces). Only aggregates: nothing here can identify anyone.
import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/components/ui/format";
import type { ExtractProfile, MessageProfile } from "@/lib/profiler/types";
import { ScrollRegion } from "@/components/ui/scroll-region";

const pct = (x: number) => `${formatNumber(x * 100, { maximumFractionDigits: x < 0.1 ? 1 : 0 })} %`;

export function ExtractChecks({ result }: { result: ExtractProfile }) {
  const checks = [...result.checks].sort((a, b) => Number(b.count > 0) - Number(a.count > 0) || b.rate - a.rate);
  return (
    <ScrollRegion label="Checks">
      <table className="w-full text-sm">
        <thead className="bg-ink-50 text-left text-xs uppercase tracking-wide text-ink-500">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">Check</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Rate</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Count</th>
            <th scope="col" className="px-5 py-2 font-medium">Of</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-100">
          {checks.map((c) => (
            <tr key={c.id} className={c.count === 0 ? "text-ink-500" : undefined}>
              <td className="px-5 py-2">
                <div className="font-medium text-ink-800">{c.label}</div>
                <div className="font-mono text-xs text-ink-500">{c.id}</div>
              </td>
              <td className="tabular px-3 py-2 text-right">{c.denominator > 0 ? pct(c.rate) : "—"}</td>
              <td className="tabular px-3 py-2 text-right">{formatNumber(c.count)}</td>
              <td className="px-5 py-2 text-ink-600">{formatNumber(c.denominator)} {c.denominatorLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ExtractFacts({ result }: { result: ExtractProfile }) {
  const facts: [string, string][] = [
    ["Format", result.format === "ndjson" ? "FHIR NDJSON" : result.format.toUpperCase()],
    ["Records", formatNumber(result.rows)],
    ["Years covered", result.dateRange ? `${formatNumber(result.dateRange.yearsCovered)} (${result.dateRange.fromYear}–${result.dateRange.toYear})` : "no event dates recognised"],
    ["Encoding", result.encoding],
    ["Columns recognised", `${result.columns.filter((c) => c.role !== "other").length} of ${result.columns.length}`],
  ];
  if (result.resources) facts.push(["FHIR resources", Object.entries(result.resources).map(([k, v]) => `${k} ${formatNumber(v)}`).join(", ")]);
  return <Facts facts={facts} limits={result.limits} />;
}

export function MessageFacts({ result }: { result: MessageProfile }) {
  const facts: [string, string][] = [
    ["Format", result.format === "hl7" ? "HL7 v2" : "X12"],
    ["Messages", formatNumber(result.messages)],
    ["Version", result.version ?? "unknown"],
    ["Message types", result.messageTypes.slice(0, 10).join(", ") || "none"],
    ["Custom Z-segments", result.zSegments.join(", ") || "none"],
    ["Structure variants", formatNumber(result.structures)],
    ["Unreadable or malformed", formatNumber(result.invalid)],
  ];
  return (
    <div className="space-y-3">
      <Facts facts={facts} limits={[]} />
      <div className="px-5 pb-4 text-sm">
        <span className="font-medium text-ink-800">Suggested complexity: </span>
        <Badge tone={result.suggestedComplexity === "complex" ? "red" : result.suggestedComplexity === "medium" ? "amber" : "green"}>{result.suggestedComplexity}</Badge>
        {result.reasons.length ? <ul className="mt-2 list-disc space-y-0.5 pl-5 text-ink-600">{result.reasons.map((r) => <li key={r}>{r}</li>)}</ul> : null}
      </div>
    </div>
  );
}

function Facts({ facts, limits }: { facts: [string, string][]; limits: string[] }) {
  return (
    <div className="px-5 py-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {facts.map(([k, v]) => (
          <div key={k} className="flex min-w-0 gap-2">
            <dt className="shrink-0 text-ink-500">{k}</dt>
            <dd className="min-w-0 break-words font-medium text-ink-800">{v}</dd>
          </div>
        ))}
      </dl>
      {limits.length ? <p className="mt-3 text-xs text-ink-500">Limits: {limits.join("; ")}</p> : null}
    </div>
  );
}
