// Parity: `npm run estimate -- <exported engagement.json> --seed N` prints exactly the estimate the
// estimate page computes (same document, same engine, same seed and iterations).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { loadEngagementDocument } from "@/lib/engagement-format/data";
import { saveAssumptionsAction } from "@/lib/assumptions/actions";
import { findAssumptions } from "@/lib/assumptions/data";
import { computeEngagementEstimate, loadEstimatePage } from "@/lib/estimates/data";
import { GET as exportJsonRoute } from "@/app/api/engagements/[id]/export.json/route";
import { createFixtureWorld, ROOT, type EstimateWorld } from "./support";

const SEED = 424_242;
const dir = mkdtempSync(path.join(tmpdir(), "sounding-estimate-parity-"));
let world: EstimateWorld;

function cli(file: string, seed: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "-s", "estimate", "--", file, "--seed", String(seed)], { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

beforeAll(async () => {
  world = await createFixtureWorld();
  // non-default inputs, so the comparison covers rates, license terms and constants
  const a = await findAssumptions(world.eid, "lead");
  signInAs(world.consultant);
  const res = await saveAssumptionsAction({
    engagementId: world.eid,
    version: a.version,
    values: {
      ...a.values,
      teamFte: "10.5",
      rates: { ...a.values.rates!, workflow: "142.50" },
      license: { ...a.values.license, sources: a.values.license.sources.map((x) => ({ ...x, rampsDownPerWave: true, noticeMonths: "2" })), implementationFee: "185000" },
      constants: { ...a.values.constants, "phase.P2.likely": "7", "testing.share": "0.22" },
      targetGoLive: "2026-11-02",
    },
  });
  expect(res.ok).toBe(true);
});

describe("npm run estimate ≡ the estimate page", { timeout: 240_000 }, () => {
  it("on the exported engagement.json and on loadEngagementDocument's output", async () => {
    const page = await computeEngagementEstimate(world.eid, { seed: SEED });

    const fromLoader = path.join(dir, "loaded.json");
    writeFileSync(fromLoader, JSON.stringify(await loadEngagementDocument(world.eid), null, 2));
    signInAs(world.consultant);
    const exported = await exportJsonRoute(new Request(`http://localhost/api/engagements/${world.eid}/export.json`), { params: Promise.resolve({ id: world.eid }) });
    expect(exported.status).toBe(200);
    const fromExport = path.join(dir, "engagement.json");
    writeFileSync(fromExport, Buffer.from(await exported.arrayBuffer()));

    const [a, b] = await Promise.all([cli(fromLoader, SEED), cli(fromExport, SEED)]);
    for (const r of [a, b]) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(plain(page.estimate));
    }
  });

  it("the page's view shows the same numbers (lead: unredacted)", async () => {
    const { estimate } = await computeEngagementEstimate(world.eid, { seed: SEED });
    const { view } = await loadEstimatePage(world.eid, "lead", SEED);
    expect(view.duration).toEqual(estimate.duration);
    expect(view.cost.totalCents).toEqual(estimate.cost.totalCents);
    expect(view.licenseOverlap).toEqual(estimate.licenseOverlap);
    expect(view.gantt).toEqual(estimate.gantt);
    expect(view.sCurves).toEqual(estimate.sCurves);
    expect(view.tornado).toEqual(estimate.tornado);
    expect(view.flags).toEqual(estimate.flags);
    expect(view.cost.lines.map(({ key, explainKey: _e, ...d }) => [key, d])).toEqual(Object.entries(estimate.cost.lines));
    expect(view.flags.some((f) => f.code === "TARGET_DATE_BEFORE_P50")).toBe(true);
  });
});
