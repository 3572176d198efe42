// Issue 13: the overview reads the stored headline of the current estimate (EstimateResult.headline, a few
// KB), never the whole stored estimate (~300 KB of JSON on a large engagement). Proven by breaking the stored
// estimate: the overview's numbers do not change, and nothing is recomputed. A result stored before the
// column existed (headline NULL) is read in full once and gets its headline filled.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { DEFAULT_SEED } from "@/lib/estimate";
import { loadEstimateHeadline, loadEstimatePage } from "@/lib/estimates/data";
import { buildCommitment } from "@/lib/estimates/commitment";
import { PAGE_ITERATIONS } from "@/lib/estimates/schema";
import { estimateStoreStats } from "@/lib/estimate-results/obtain";
import { createFixtureWorld, type EstimateWorld } from "./support";

let world: EstimateWorld;
beforeAll(async () => {
  world = await createFixtureWorld();
});

const resultRow = () =>
  db.estimateResult.findFirstOrThrow({
    where: { engagementId: world.eid, kind: "current", seed: DEFAULT_SEED, iterations: PAGE_ITERATIONS, status: "ready" },
    select: { id: true, headline: true },
  });

describe("the overview's estimate headline", () => {
  it("equals the estimate page's commitment, is stored with the result, and is read without the stored estimate", async () => {
    const page = await loadEstimatePage(world.eid, "lead", DEFAULT_SEED);
    const expected = buildCommitment(page.view, page.targets);
    const row = await resultRow();
    expect(row.headline).not.toBeNull();

    const before = estimateStoreStats().computed;
    const first = await loadEstimateHeadline(world.eid, DEFAULT_SEED);
    expect(buildCommitment(first.headline, first.targets)).toEqual(expected);
    expect(first.headline.confidence).toBe(page.view.inputConfidence.score);
    expect(first.headline.criticalFlagCount).toBe(page.view.flags.filter((f) => f.severity === "critical").length);
    expect(first.updating).toBe(false);

    // the stored estimate is broken: the overview does not read it, so nothing changes and nothing is recomputed
    const sizes = await db.$queryRaw<{ estimate: number; headline: number }[]>`SELECT octet_length("estimate"::text) AS "estimate", octet_length("headline"::text) AS "headline" FROM "EstimateResult" WHERE "id" = ${row.id}`;
    expect(sizes[0]!.headline * 5).toBeLessThan(sizes[0]!.estimate);
    const saved = await db.$queryRaw<{ estimate: string }[]>`SELECT "estimate"::text AS "estimate" FROM "EstimateResult" WHERE "id" = ${row.id}`;
    await db.$executeRaw`UPDATE "EstimateResult" SET "estimate" = '{"broken": true}'::json WHERE "id" = ${row.id}`;
    try {
      const again = await loadEstimateHeadline(world.eid, DEFAULT_SEED);
      expect(buildCommitment(again.headline, again.targets)).toEqual(expected);
      expect(estimateStoreStats().computed).toBe(before);
    } finally {
      await db.$executeRaw`UPDATE "EstimateResult" SET "estimate" = ${saved[0]!.estimate}::json WHERE "id" = ${row.id}`;
    }
  }, 60_000);

  it("a result stored before the headline column existed is read in full once and gets its headline", async () => {
    const row = await resultRow();
    await db.$executeRaw`UPDATE "EstimateResult" SET "headline" = NULL WHERE "id" = ${row.id}`;
    const before = estimateStoreStats().computed;
    const got = await loadEstimateHeadline(world.eid, DEFAULT_SEED);
    expect(got.headline).toEqual(row.headline);
    expect(estimateStoreStats().computed).toBe(before);
    // filled in the background
    for (let i = 0; i < 50 && (await resultRow()).headline === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await resultRow()).headline).toEqual(row.headline);
  }, 60_000);
});
