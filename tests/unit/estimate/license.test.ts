// License v2: several source systems (each with its own fee, basis, contract end and notice), flat fees
// that never ramp, destination billing start date, one-time vendor fees, "not entered" instead of $0,
// and the old single-source fields still read.
import { describe, expect, it } from "vitest";
import { LicenseTermsSchema, type EngagementDocumentInput } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { fixtureWith, loadFixture, TYPE_A_FIXTURE, TYPE_B_FIXTURE, WEEKS_PER_MONTH } from "./helpers";

const ITER = 300;
const withLicense = (file: string, license: unknown, edit?: (d: EngagementDocumentInput) => void) =>
  fixtureWith(file, (d) => {
    d.assumptions!.license = license as never;
    edit?.(d);
  });

describe("the license contract", () => {
  it("reads the old single-source fields into sources[0]; an old fee of 0 (the default) reads as not entered", () => {
    const old = LicenseTermsSchema.parse({ sourceFeeCents: 50_000, sourceFeeBasis: "flat_month", sourceNoticeMonths: 6, sourceRampsDownPerWave: true, sourceContractTailMonths: 2, destinationFeeCents: 0 });
    expect(old.sources).toEqual([{ name: "", feeCents: 50_000, feeBasis: "flat_month", contractEnd: null, noticeMonths: 6, rampsDownPerWave: true, contractTailMonths: 2 }]);
    expect(old.destinationFeeCents).toBeNull();
    expect(LicenseTermsSchema.parse({ sourceFeeCents: 0 }).sources[0]!.feeCents).toBeNull();
    // the new form: an entered 0 is $0, absent is not entered
    const v2 = LicenseTermsSchema.parse({ sources: [{ name: "Athena", feeCents: 0 }], destinationFeeCents: 0 });
    expect(v2.sources[0]!.feeCents).toBe(0);
    expect(v2.destinationFeeCents).toBe(0);
    expect(LicenseTermsSchema.parse({}).destinationFeeCents).toBeNull();
    // the migrated output parses again unchanged (a save stores the new form)
    expect(LicenseTermsSchema.parse(old)).toEqual(old);
  });

  it("refuses bad values with the field's path and range", () => {
    const r = LicenseTermsSchema.safeParse({ sources: [{ feeCents: -1, noticeMonths: 40, contractEnd: "2027-13-01", feeBasis: "per_bed" }] });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["sources.0.feeCents", "sources.0.noticeMonths", "sources.0.contractEnd", "sources.0.feeBasis"]));
  });
});

describe("license overlap per source system", () => {
  const two = {
    sources: [
      { name: "eClinicalWorks", feeCents: 50_000, feeBasis: "per_provider_month", noticeMonths: 3, contractTailMonths: 1 },
      { name: "Greenway Intergy", feeCents: 300_000, feeBasis: "flat_month", contractTailMonths: 1 },
    ],
    destinationFeeCents: 52_000,
  };

  it("each source is priced on its own; the totals add up", () => {
    const e = estimate(withLicense(TYPE_A_FIXTURE, two), { iterations: ITER });
    const o = e.licenseOverlap;
    expect(o.fees).toBe("entered");
    expect(o.perSource.map((s) => s.name)).toEqual(["eClinicalWorks", "Greenway Intergy"]);
    expect(o.perSource.every((s) => s.baseCents > 0)).toBe(true);
    expect(o.perSource.reduce((s, x) => s + x.baseCents, 0)).toBeCloseTo(o.base.sourceCents, -1);
    // per-seat fees go to the waves, the flat fee to no wave
    expect(o.perWave.reduce((s, w) => s + w.sourceCents, 0) + o.flat.sourceCents).toBeCloseTo(o.base.sourceCents, -1);
    expect(o.flat.sourceCents).toBe(o.perSource[1]!.baseCents);
  });

  it("a flat fee never ramps: it runs in full from the last go-live, whatever the waves' shares or the ramp-down flag", () => {
    const flat = (rampsDown: boolean) => ({ sources: [{ feeCents: 300_000, feeBasis: "flat_month", rampsDownPerWave: rampsDown, contractTailMonths: 0 }], destinationFeeCents: 52_000 });
    const a = estimate(withLicense(TYPE_A_FIXTURE, flat(false)), { iterations: ITER });
    const b = estimate(withLicense(TYPE_A_FIXTURE, flat(true)), { iterations: ITER });
    expect(b.licenseOverlap.base.sourceCents).toBe(a.licenseOverlap.base.sourceCents);
    // from the last go-live to decommission end, in full
    const weeks = a.basePlan.totalWeeks - a.basePlan.finalGoLiveWeeks;
    expect(a.licenseOverlap.base.sourceCents).toBeCloseTo((300_000 * weeks) / WEEKS_PER_MONTH, -4); // weeks are rounded to 0.01 in the output
    // a flat destination fee (Type B hosting) is paid in full until the last go-live
    const hosting = estimate(withLicense(TYPE_B_FIXTURE, { sources: [], destinationFeeCents: 1_400_000, destinationFeeBasis: "flat_month", destinationBillingStart: "project_start" }), { iterations: ITER });
    expect(hosting.licenseOverlap.base.destinationCents).toBeCloseTo((1_400_000 * hosting.basePlan.finalGoLiveWeeks) / WEEKS_PER_MONTH, -4);
  });

  it("per-user fees are multiplied by the users; a contract end after decommission is paid to its end", () => {
    const doc = loadFixture(TYPE_A_FIXTURE);
    const perUser = estimate(withLicense(TYPE_A_FIXTURE, { sources: [{ feeCents: 10_000, feeBasis: "per_user_month" }], destinationFeeCents: 0 }), { iterations: ITER });
    const perProvider = estimate(withLicense(TYPE_A_FIXTURE, { sources: [{ feeCents: 10_000, feeBasis: "per_provider_month" }], destinationFeeCents: 0 }), { iterations: ITER });
    const p = doc.engagement.profile;
    expect(perUser.licenseOverlap.base.sourceCents / perProvider.licenseOverlap.base.sourceCents).toBeCloseTo(p.staffUsers / p.providers, 3);
    const late = estimate(withLicense(TYPE_A_FIXTURE, { sources: [{ feeCents: 10_000, contractEnd: "2029-12-31" }], destinationFeeCents: 0 }), { iterations: ITER });
    expect(late.licenseOverlap.perSource[0]!.releaseDate).toBe("2029-12-31");
    expect(late.licenseOverlap.base.sourceCents).toBeGreaterThan(perProvider.licenseOverlap.base.sourceCents);
  });

  it("a contract that ends before the cutover is flagged, naming the source", () => {
    const e = estimate(withLicense(TYPE_A_FIXTURE, { sources: [{ name: "eClinicalWorks", feeCents: 50_000, contractEnd: "2026-06-30" }], destinationFeeCents: 52_000 }), { iterations: ITER });
    const f = e.flags.find((x) => x.code === "OVERLAP_SHORTER_THAN_CUTOVER");
    expect(f?.severity).toBe("critical");
    expect(f?.message).toMatch(/eClinicalWorks/);
    expect(f?.data.sourceContractEnd).toBe("2026-06-30");
  });

  it("the destination may start billing on an entered date", () => {
    const lic = (start: string) => ({ sources: [], destinationFeeCents: 52_000, destinationBillingStart: "date", destinationBillingStartDate: start });
    const early = estimate(withLicense(TYPE_A_FIXTURE, lic("2026-03-02")), { iterations: ITER });
    const late = estimate(withLicense(TYPE_A_FIXTURE, lic("2026-07-01")), { iterations: ITER });
    const project = estimate(withLicense(TYPE_A_FIXTURE, { ...lic("2026-03-02"), destinationBillingStart: "project_start" }), { iterations: ITER });
    expect(early.licenseOverlap.base.destinationCents).toBe(project.licenseOverlap.base.destinationCents); // the planned start
    expect(late.licenseOverlap.base.destinationCents).toBeLessThan(early.licenseOverlap.base.destinationCents);
  });

  it("one-time vendor implementation fees are their own cost line, in foundation, certain", () => {
    const base = withLicense(TYPE_A_FIXTURE, two);
    const withFees = withLicense(TYPE_A_FIXTURE, { ...two, implementationFeeCents: 12_345_600 });
    const a = estimate(base, { iterations: ITER });
    const b = estimate(withFees, { iterations: ITER });
    expect(b.cost.lines.vendor_fees.base).toBe(12_345_600);
    expect(b.cost.lines.vendor_fees.percentiles.P10).toBe(12_345_600);
    expect(b.cost.totalCents.base - a.cost.totalCents.base).toBe(12_345_600);
    expect(b.licenseOverlap.vendorFeesCents).toBe(12_345_600);
    expect(a.licenseOverlap.vendorFeesCents).toBeNull();
    expect(a.licenseOverlap.notEntered).toContain("one-time vendor implementation fees");
    const p1 = (e: typeof a) => e.breakdown.byPhase.find((x) => x.phase === "P1")!.cost.base;
    expect(p1(b) - p1(a)).toBeCloseTo(12_345_600, -1);
  });
});

describe("no fees entered: not $0 but 'not entered', and a warning for A and B alike", () => {
  for (const [file, type] of [[TYPE_A_FIXTURE, "A"], [TYPE_B_FIXTURE, "B"]] as const) {
    it(`Type ${type}`, () => {
      const e = estimate(withLicense(file, {}), { iterations: ITER });
      expect(e.licenseOverlap.fees).toBe("not_entered");
      expect(e.licenseOverlap.notEntered.length).toBeGreaterThan(0);
      expect(e.licenseOverlap.explanation).toMatch(/not known/);
      const f = e.flags.find((x) => x.code === "NO_LICENSE_FEES");
      expect(f?.severity).toBe("warning");
    });
  }

  it("a partly entered license names what is missing (warning), never counting it as $0 silently", () => {
    const e = estimate(withLicense(TYPE_A_FIXTURE, { sources: [{ name: "eClinicalWorks", feeCents: 50_000 }, { name: "Intergy" }] }), { iterations: ITER });
    expect(e.licenseOverlap.fees).toBe("partial");
    expect(e.licenseOverlap.notEntered).toEqual(expect.arrayContaining(["destination license fee", "source fee of Intergy"]));
    expect(e.licenseOverlap.perSource[1]).toMatchObject({ name: "Intergy", entered: false, monthlyCents: null });
    expect(e.flags.find((x) => x.code === "LICENSE_FEES_INCOMPLETE")?.severity).toBe("warning");
  });
});

describe("data entities name licensed source systems", () => {
  it("flags a data entity whose source system has no license entry (names compared case-insensitively)", () => {
    const doc = withLicense(TYPE_A_FIXTURE, { sources: [{ name: "eClinicalWorks", feeCents: 50_000 }], destinationFeeCents: 52_000 }, (d) => {
      d.dataEntities = (d.dataEntities ?? []).map((x, i) => ({ ...x, sourceSystem: i === 0 ? "Intergy" : "ECLINICALWORKS" }));
    });
    const f = estimate(doc, { iterations: ITER }).flags.find((x) => x.code === "SOURCE_SYSTEM_NOT_LICENSED");
    expect(f?.data.sourceSystems).toBe("Intergy");
    const ok = withLicense(TYPE_A_FIXTURE, { sources: [{ name: "eClinicalWorks", feeCents: 50_000 }, { name: "Intergy", feeCents: 1 }], destinationFeeCents: 1 }, (d) => {
      d.dataEntities = (d.dataEntities ?? []).map((x, i) => ({ ...x, sourceSystem: i === 0 ? "Intergy" : "eClinicalWorks" }));
    });
    expect(estimate(ok, { iterations: ITER }).flags.some((x) => x.code === "SOURCE_SYSTEM_NOT_LICENSED")).toBe(false);
  });
});
