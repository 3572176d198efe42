// Entered wave go-live dates are constraints (issue 9 item 1): the planner never places a wave's go-live
// before its entered date; when the plan cannot meet the date, WAVE_DATE_NOT_MET says by how many weeks and
// why; a date far in the future moves only that wave and what follows it on its go-live track.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate, EstimateInputError } from "@/lib/estimate";
import { addWeeks, parseIsoDate } from "@/lib/estimate/calendar";
import { buildModel } from "@/lib/estimate/model";
import { baseSample, evaluate, OUT_SIZE, Scratch } from "@/lib/estimate/simulate";
import { mulberry32 } from "@/lib/estimate/rng";
import { smallDoc } from "./helpers";

const ITER = 200;

/** A small engagement with `n` entered waves (providers and users split evenly). */
function withWaves(type: "A" | "B" | "C", n: number, opts: { tracks?: number; dates?: (string | null)[] } = {}): EngagementDocument {
  const d = smallDoc({ type });
  const p = d.engagement.profile;
  d.assumptions.waves = Array.from({ length: n }, (_, i) => ({
    name: `Wave ${i + 1}`,
    cohort: "",
    providers: Math.floor(p.providers / n) + (i < p.providers % n ? 1 : 0),
    users: Math.floor(p.staffUsers / n) + (i < p.staffUsers % n ? 1 : 0),
    goLiveDate: opts.dates?.[i] ?? null,
  }));
  if (opts.tracks !== undefined) d.assumptions.constants = { ...d.assumptions.constants, "cutover.goLiveTracks": opts.tracks };
  return EngagementDocumentSchema.parse(d);
}

const goLives = (d: EngagementDocument) => estimate(d, { iterations: ITER }).waves.waves.map((w) => w.baseGoLiveDate);
const days = (iso: string) => parseIsoDate(iso);

describe("entered wave go-live dates", { timeout: 120_000 }, () => {
  it("no entered date leaves the plan as it was (the date is optional)", () => {
    const a = withWaves("A", 3);
    const e = estimate(a, { iterations: ITER });
    expect(e.waves.waves.every((w) => w.enteredGoLiveDate === null && w.dateMissWeeks === null && w.dateProbability === null && w.dateHoldWeeks === 0)).toBe(true);
    expect(e.flags.some((f) => f.code === "WAVE_DATE_NOT_MET")).toBe(false);
  });

  it("property: for any entered date, the planned go-live is on or after it (base plan and every sampled iteration)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("A" as const, "B" as const, "C" as const),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -60, max: 400 }), // weeks after the planned start (before it too)
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (type, n, pick, weeks, tracks, seed) => {
          const i = pick % n;
          const dates: (string | null)[] = Array.from({ length: n }, () => null);
          const start = smallDoc({ type }).engagement.plannedStart;
          dates[i] = addWeeks(start, weeks);
          const doc = withWaves(type, n, { tracks, dates });
          const e = estimate(doc, { iterations: ITER });
          const w = e.waves.waves[i]!;
          expect(days(w.baseGoLiveDate)).toBeGreaterThanOrEqual(days(dates[i]!));
          expect(w.enteredGoLiveDate).toBe(dates[i]);
          // the flag exactly when the plan cannot make the date, with the weeks it is late
          const flag = e.flags.find((f) => f.code === "WAVE_DATE_NOT_MET");
          if ((w.dateMissWeeks ?? 0) > 0) {
            expect(flag?.message).toContain(`${w.name} (entered ${dates[i]})`);
            expect(flag?.data.weeksLate as number).toBeGreaterThan(0);
          } else expect(flag).toBeUndefined();
          // every iteration, not only the base plan: random samples through the same evaluate
          const model = buildModel(doc);
          const rnd = mulberry32(seed);
          const out = new Float64Array(OUT_SIZE);
          for (let k = 0; k < 20; k++) {
            const s = baseSample(model);
            s.systemic = 0.9 + rnd() * 0.6;
            s.p1 = model.p1.min + rnd() * model.p1.range;
            s.p2 = model.p2.min + rnd() * model.p2.range;
            for (let j = 0; j < n; j++) s.waves[j] = model.wave.min + rnd() * model.wave.range;
            const sc = new Scratch(model);
            evaluate(model, s, out, sc);
            expect(sc.goLives[i]!).toBeGreaterThanOrEqual(model.waveDates[i]! - 1e-9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("property: a date far in the future moves only that wave and what follows it on its track", () => {
    fc.assert(
      fc.property(fc.constantFrom("A" as const, "B" as const, "C" as const), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 6 }), (type, n, pick, tracks) => {
        const i = pick % n;
        const far = "2034-06-06"; // years after any plan of this engagement would end, outside every blackout
        const dates: (string | null)[] = Array.from({ length: n }, (_, j) => (j === i ? far : null));
        const before = estimate(withWaves(type, n, { tracks }), { iterations: ITER }).waves.waves;
        const after = estimate(withWaves(type, n, { tracks, dates }), { iterations: ITER }).waves.waves;
        expect(after[i]!.baseGoLiveDate).toBe(far);
        expect(after[i]!.dateMissWeeks).toBe(0);
        expect(after[i]!.dateHoldWeeks).toBeGreaterThan(0);
        const held = after[i]!.track;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          const followsOnItsTrack = j > i && after[j]!.track === held;
          if (followsOnItsTrack) expect(days(after[j]!.baseGoLiveDate)).toBeGreaterThan(days(far));
          else if (j < i || Math.min(tracks, n) >= n) expect(after[j]!.baseGoLiveDate).toBe(before[j]!.baseGoLiveDate); // earlier waves, or a track per wave: untouched
          else expect(days(after[j]!.baseGoLiveDate)).toBeGreaterThanOrEqual(days(before[j]!.baseGoLiveDate)); // a held track is capacity the others lose: never earlier
        }
      }),
      { numRuns: 30 },
    );
  });

  it("one go-live track: the waves after a held wave follow it; with a track per wave only the held wave moves", () => {
    const dates = [null, "2033-06-07", null];
    const one = withWaves("A", 3, { tracks: 1 });
    const base = goLives(one);
    const held = goLives(withWaves("A", 3, { tracks: 1, dates }));
    expect(held[0]).toBe(base[0]);
    expect(held[1]).toBe("2033-06-07");
    expect(days(held[2]!)).toBeGreaterThan(days("2033-06-07"));
    const own = withWaves("A", 3, { tracks: 3 });
    const ownBase = goLives(own);
    const ownHeld = goLives(withWaves("A", 3, { tracks: 3, dates }));
    expect([ownHeld[0], ownHeld[2]]).toEqual([ownBase[0], ownBase[2]]);
    expect(ownHeld[1]).toBe("2033-06-07");
  });

  it("a date the plan cannot meet: flagged with the weeks late and the reason; the go-live stays where the plan can make it", () => {
    const start = smallDoc().engagement.plannedStart;
    const doc = withWaves("A", 2, { tracks: 1, dates: [addWeeks(start, 4), null] });
    const free = estimate(withWaves("A", 2, { tracks: 1 }), { iterations: ITER });
    const e = estimate(doc, { iterations: ITER });
    const w = e.waves.waves[0]!;
    expect(w.baseGoLiveDate).toBe(free.waves.waves[0]!.baseGoLiveDate);
    expect(w.dateMissWeeks).toBeCloseTo((days(w.baseGoLiveDate) - days(addWeeks(start, 4))) / 7, 1);
    expect(w.dateProbability).toBe(0);
    const flag = e.flags.find((f) => f.code === "WAVE_DATE_NOT_MET")!;
    expect(flag.severity).toBe("warning");
    expect(flag.data.weeksLate).toBeCloseTo(w.dateMissWeeks!, 1);
    expect(flag.message).toMatch(/foundation and the pilot are done/);
    // the second wave's date, behind the first on one track: the reason is the busy track
    const second = estimate(withWaves("A", 2, { tracks: 1, dates: [null, free.waves.waves[0]!.baseGoLiveDate] }), { iterations: ITER });
    expect(second.flags.find((f) => f.code === "WAVE_DATE_NOT_MET")!.message).toMatch(/track is busy with the waves before it/);
  });

  it("a reachable date holds the wave and says how likely the plan makes it", () => {
    const free = estimate(withWaves("B", 2), { iterations: 2000 });
    const late = addWeeks(free.input.plannedStart, free.waves.waves[1]!.baseGoLiveWeek + 12);
    const e = estimate(withWaves("B", 2, { dates: [null, late] }), { iterations: 2000 });
    const w = e.waves.waves[1]!;
    expect(w.dateMissWeeks).toBe(0);
    expect(w.dateHoldWeeks).toBeGreaterThan(11);
    expect(w.dateProbability!).toBeGreaterThan(0.5);
    expect(w.dateProbability!).toBeLessThanOrEqual(1);
    // held waves finish later: the plan is never shorter than without the date
    expect(e.basePlan.totalWeeks).toBeGreaterThanOrEqual(free.basePlan.totalWeeks);
  });

  it("a date beyond the engine's 30-year horizon is refused with a message naming the wave", () => {
    const doc = withWaves("A", 2, { dates: [null, "2090-01-02"] });
    expect(() => estimate(doc, { iterations: ITER })).toThrow(EstimateInputError);
    expect(() => estimate(doc, { iterations: ITER })).toThrow(/assumptions\.waves\.1\.goLiveDate: Wave 2's entered go-live date 2090-01-02/);
  });

  it("the contract refuses a date that is not a date or outside 1900–2100", () => {
    const d = withWaves("A", 1);
    for (const bad of ["2027-02-30", "next spring", "2101-01-01"]) {
      const input = structuredClone(d) as unknown as { assumptions: { waves: { goLiveDate: unknown }[] } };
      input.assumptions.waves[0]!.goLiveDate = bad;
      expect(EngagementDocumentSchema.safeParse(input).success, bad).toBe(false);
    }
  });
});
