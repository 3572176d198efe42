// npm run calibrate — the estimate against its public reference class (tests/fixtures/engagements/
// reference-class.json): each scenario's P50/P80 months, P50 cost and cost per provider beside the range
// its public source gives. Exit code 1 when any scenario is out of range (the table says which bound).
// Options: --seed N (default 1), --iterations N (default 10,000), --json (machine-readable rows).
import { readFileSync } from "node:fs";
import path from "node:path";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { checkScenario, type ReferenceClass } from "./lib/reference-class";

const DIR = path.resolve(__dirname, "../tests/fixtures/engagements");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`calibrate: ${name} needs a whole number\n`);
    process.exit(1);
  }
  return v;
}

const seed = arg("--seed", 1);
const iterations = arg("--iterations", 10_000);
const refClass = JSON.parse(readFileSync(path.join(DIR, "reference-class.json"), "utf8")) as ReferenceClass;
const rows = refClass.scenarios.map((s) => {
  const doc = EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(DIR, s.file), "utf8")));
  return checkScenario(s, estimate(doc, { seed, iterations }));
});

if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
else {
  const $ = (d: number) => (d >= 1e6 ? `$${(d / 1e6).toFixed(2)}M` : `$${Math.round(d / 1000)}k`);
  const range = (r: [number, number] | undefined, f: (n: number) => string) => (r ? `${f(r[0])}–${f(r[1])}` : "—");
  const head = ["scenario", "P50 mo", "range", "P80 mo", "≤", "P50 cost", "range", "per provider", "range", "P80/base", "in range"];
  const body = rows.map((r) => [
    r.label, r.p50Months.toFixed(1), range(r.range.p50Months, String), r.p80Months.toFixed(1), r.range.p80MonthsMax ? String(r.range.p80MonthsMax) : "—",
    $(r.p50CostDollars), range(r.range.p50CostDollars, $), $(r.costPerProviderDollars), range(r.range.costPerProviderDollars, $), r.p80ToBase.toFixed(2),
    r.misses.length === 0 ? "yes" : `NO: ${r.misses.join("; ")}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
  process.stdout.write(`Reference class — seed ${seed}, ${iterations.toLocaleString("en-US")} iterations\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${body.map(line).join("\n")}\n`);
  const misses = rows.filter((r) => r.misses.length > 0).length;
  process.stdout.write(`${rows.length - misses} of ${rows.length} scenarios in range.\n`);
}
process.exitCode = rows.some((r) => r.misses.length > 0) ? 1 : 0;
