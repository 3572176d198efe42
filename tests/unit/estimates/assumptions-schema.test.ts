// The assumptions form schema (shared by the form and the server action) and the reset-to-default logic.
import { describe, expect, it } from "vitest";
import { AssumptionsSchema, WORKSTREAMS } from "@/lib/engagement-format/schema";
import { CONSTANT_DEFINITIONS, DEFAULT_RATES_CENTS } from "@/lib/estimate";
import {
  EMPTY_SOURCE_FORM,
  AssumptionsFormSchema,
  AssumptionsSaveSchema,
  EDITABLE_CONSTANTS,
  isConstantOverridden,
  isRateOverridden,
  normalizeAssumptions,
  toFormValues,
  unknownConstantKeys,
  type AssumptionsFormValues,
} from "@/lib/assumptions/schema";
import { fixture } from "./helpers";
import { isMoneyConstant } from "@/lib/estimate/defaults";
import { describeAssumptionChanges, isRateOrFeePath } from "@/lib/assumptions/diff";
import { constantLayout } from "@/components/assumptions/constants-editor";

const defaults = () => toFormValues(AssumptionsSchema.parse({}), { canSeeRates: true });
const errorsOf = (values: unknown) => {
  const r = AssumptionsFormSchema.safeParse(values);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("toFormValues → AssumptionsFormSchema round trip", () => {
  it("the defaults parse back to the stored defaults with no overrides", () => {
    const parsed = AssumptionsFormSchema.parse(defaults());
    expect(parsed).toEqual(AssumptionsSchema.parse({}));
    expect(parsed.constants).toEqual({});
    expect(parsed.ratesCents).toEqual({});
  });

  it("a real engagement's assumptions survive the round trip", () => {
    const a = fixture().assumptions;
    expect(AssumptionsFormSchema.parse(toFormValues(a, { canSeeRates: true }))).toEqual(normalizeAssumptions(a));
  });

  it("prefills every editable constant with its effective value and every rate in dollars", () => {
    const v = toFormValues(AssumptionsSchema.parse({ ratesCents: { data_migration: 14_050 }, constants: { "phase.P2.likely": 7 } }), { canSeeRates: true });
    expect(Object.keys(v.constants)).toHaveLength(CONSTANT_DEFINITIONS.length - WORKSTREAMS.length);
    expect(v.constants["phase.P2.likely"]).toBe("7");
    expect(v.constants["phase.P2.min"]).toBe("4");
    expect(v.rates?.data_migration).toBe("140.50");
    expect(v.rates?.workflow).toBe("130");
  });

  it("hides rates and fees for a role without rates.view", () => {
    const v = toFormValues(fixture().assumptions, { canSeeRates: false });
    expect(v.rates).toBeNull();
    expect(v.license.sources[0]?.fee).toBeNull();
    expect(v.license.destinationFee).toBeNull();
    expect(v.license.implementationFee).toBeNull();
    expect(v.license.archiveFee).toBeNull();
    expect(v.license.sources[0]?.noticeMonths).toBe("3");
    expect(JSON.stringify(v)).not.toMatch(/"520"|"500"|"1800"/); // the fixture's fees in dollars
  });

  it("hides money constants (unit in cents: rates, the type decision's amounts) for a role without rates.view, and only those", () => {
    const money = CONSTANT_DEFINITIONS.filter((d) => d.unit.startsWith("cents")).map((d) => d.key);
    expect(money).toEqual(expect.arrayContaining(["tco.A.licencePerProviderMonthCents", "tco.custom.hostingPerProviderMonthCents", "tco.custom.certificationCents"]));
    for (const k of money) expect(isMoneyConstant(k), k).toBe(true);
    for (const d of CONSTANT_DEFINITIONS.filter((x) => !x.unit.startsWith("cents"))) expect(isMoneyConstant(d.key), d.key).toBe(false);
    const a = AssumptionsSchema.parse({ constants: { "tco.A.licencePerProviderMonthCents": 61_234, "tco.custom.maintenanceShareOfBuild": 0.3 } });
    const hidden = toFormValues(a, { canSeeRates: false });
    expect(Object.keys(hidden.constants).filter(isMoneyConstant)).toEqual([]);
    expect(hidden.constants["tco.custom.maintenanceShareOfBuild"]).toBe("0.3");
    expect(JSON.stringify(hidden)).not.toContain("61234");
    expect(toFormValues(a, { canSeeRates: true }).constants["tco.A.licencePerProviderMonthCents"]).toBe("61234");
    // the constants table draws no row for them either
    const shown = constantLayout({ hideMoney: true }).flatMap((g) => g.keys);
    expect(shown.filter(isMoneyConstant)).toEqual([]);
    expect(shown).toContain("tco.custom.maintenanceShareOfBuild");
    expect(constantLayout().flatMap((g) => g.keys)).toEqual(expect.arrayContaining(money.filter((k) => !k.startsWith("rate."))));
    // and a change to one is described without its amounts
    expect(isRateOrFeePath("constants.tco.A.licencePerProviderMonthCents")).toBe(true);
    expect(isRateOrFeePath("constants.tco.custom.maintenanceShareOfBuild")).toBe(false);
    expect(describeAssumptionChanges({ "constants.tco.A.licencePerProviderMonthCents": { from: 50_000, to: 61_234 } }, { hideMoney: true }).join(" ")).not.toMatch(/612|500/);
  });
});

describe("reset to default: an override equal to the default is not stored", () => {
  it("drops constants typed back to their default, keeps the others", () => {
    const v = defaults();
    v.constants["phase.P0.likely"] = "5"; // = default
    v.constants["testing.share"] = "0.25";
    v.constants["pm.share"] = ""; // empty = default
    expect(AssumptionsFormSchema.parse(v).constants).toEqual({ "testing.share": 0.25 });
  });

  it("drops rates equal to the default, stores the others in cents", () => {
    const v = defaults();
    v.rates = { ...(v.rates as Record<string, string>), data_migration: "$150.25", workflow: "130", testing: "" } as AssumptionsFormValues["rates"];
    expect(AssumptionsFormSchema.parse(v).ratesCents).toEqual({ data_migration: 15_025 });
  });

  it("normalizeAssumptions folds rate.* constants into ratesCents and drops default-valued overrides", () => {
    const a = AssumptionsSchema.parse({
      ratesCents: { workflow: DEFAULT_RATES_CENTS.workflow, build: 9_000 },
      constants: { "rate.testing": 11_000, "rate.data_migration": DEFAULT_RATES_CENTS.data_migration, "pm.share": 0.15, "pm.share.typo": 3, "testing.share": 0.3 },
    });
    const n = normalizeAssumptions(a);
    expect(n.ratesCents).toEqual({ build: 9_000, testing: 11_000 });
    expect(n.constants).toEqual({ "pm.share.typo": 3, "testing.share": 0.3 });
    expect(unknownConstantKeys(a)).toEqual(["pm.share.typo"]);
  });

  it("isConstantOverridden / isRateOverridden compare the typed value with the default", () => {
    expect(isConstantOverridden("phase.P0.likely", "5")).toBe(false);
    expect(isConstantOverridden("phase.P0.likely", "5.5")).toBe(true);
    expect(isConstantOverridden("phase.P0.likely", "")).toBe(false);
    expect(isConstantOverridden("phase.P0.likely", "abc")).toBe(false);
    expect(isRateOverridden("data_migration", "125.00")).toBe(false);
    expect(isRateOverridden("data_migration", "125.01")).toBe(true);
  });
});

describe("validation: one field error per bad field, at the form's own paths", () => {
  it("team, license and waves use the contract's bounds with readable messages", () => {
    const v = defaults();
    v.teamFte = "0.4";
    v.interfaceEngineers = "2.5";
    v.productiveHoursPerWeek = "";
    v.license.sources = [{ ...EMPTY_SOURCE_FORM, noticeMonths: "40", fee: "12.345" }];
    v.waves = [{ name: " ", cohort: "", providers: "-1", users: "lots", goLiveDate: "2027-02-30" }];
    v.targetGoLive = "next spring";
    v.buildFunctionPoints = "1.5";
    expect(errorsOf(v)).toEqual({
      teamFte: "Must be at least 0.5 FTE",
      interfaceEngineers: "Enter a whole number",
      productiveHoursPerWeek: "Required",
      "license.sources.0.noticeMonths": "Must be at most 36 months",
      "license.sources.0.fee": "Use at most two decimals (cents)",
      "waves.0.name": "Give the wave a name",
      "waves.0.providers": "Must be at least 0",
      "waves.0.users": "Enter a whole number",
      "waves.0.goLiveDate": "Enter a date (YYYY-MM-DD)",
      targetGoLive: "Enter a date (YYYY-MM-DD)",
      buildFunctionPoints: "Enter a whole number",
    });
  });

  it("the form's bounds are the contract's (a value the form accepts, AssumptionsSchema accepts)", () => {
    const v = defaults();
    Object.assign(v, { teamFte: "0.5", interfaceEngineers: "50", productiveHoursPerWeek: "60" });
    v.license.archiveMonths = "240";
    v.license.sources = [{ ...EMPTY_SOURCE_FORM, contractTailMonths: "36", contractEnd: "2027-06-30" }];
    const parsed = AssumptionsFormSchema.parse(v);
    expect(AssumptionsSchema.safeParse(parsed).success).toBe(true);
    for (const [field, bad] of [["teamFte", "500.5"], ["interfaceEngineers", "0"], ["productiveHoursPerWeek", "9.9"]] as const) {
      expect(errorsOf({ ...v, [field]: bad })[field]).toBeTruthy();
      expect(AssumptionsSchema.safeParse({ ...parsed, [field]: Number(bad) }).success).toBe(false);
    }
  });

  it("constants: bounds from CONSTANT_DEFINITIONS, three-point order, phase shares not all zero, no unknown keys", () => {
    const v = defaults();
    v.constants["data.volumeExponent"] = "1.5"; // max 1
    v.constants["testing.share"] = "-0.1"; // min 0
    v.constants["phase.P2.min"] = "9"; // > likely 6
    for (const p of ["P0", "P1", "P2", "P3", "P4"]) v.constants[`phaseShare.testing.${p}`] = "0";
    v.constants["made.up"] = "1";
    v.constants["rate.testing"] = "100"; // rates are edited in the rates section
    const e = errorsOf(v);
    // the message names the whole range (issue 9: "a clear message naming the field and the range")
    expect(e["constants.data.volumeExponent"]).toBe("Must be a number from 0 to 1 (exponent)");
    expect(e["constants.testing.share"]).toBe("Must be a number from 0 to 5 (× (workflow + integrations + build))");
    expect(e["constants.phase.P2.min"]).toBe("Needs minimum ≤ most likely ≤ maximum (now 9 / 6 / 8)");
    expect(e["constants.phaseShare.testing.P1"]).toBe("At least one phase needs a share above 0");
    expect(e["constants.made.up"]).toBe("Not a model constant");
    expect(e["constants.rate.testing"]).toBe("Not a model constant");
  });

  it("accepts thousands separators and a dollar sign; empty optional fields are null", () => {
    const v = defaults();
    v.targetBudget = "$2,400,000";
    v.license.destinationFee = "1,234.50";
    v.buildFunctionPoints = "";
    const parsed = AssumptionsFormSchema.parse(v);
    expect(parsed.targetBudgetCents).toBe(240_000_000);
    expect(parsed.license.destinationFeeCents).toBe(123_450);
    expect(parsed.buildFunctionPoints).toBeNull();
  });

  it("the save envelope is strict: no injected fields, rates and fees required", () => {
    expect(AssumptionsSaveSchema.safeParse({ engagementId: "e1", version: 1, values: defaults(), role: "lead" }).success).toBe(false);
    expect(AssumptionsSaveSchema.safeParse({ engagementId: "e1", version: 1, values: { ...defaults(), engagementId: "x" } }).success).toBe(false);
    expect(AssumptionsSaveSchema.safeParse({ engagementId: "e1", version: 1, values: { ...defaults(), rates: null } }).success).toBe(false);
    expect(AssumptionsSaveSchema.safeParse({ engagementId: "e1", version: 1, values: defaults() }).success).toBe(true);
  });

  it("every editable constant is covered by the form", () => {
    expect(EDITABLE_CONSTANTS.every((d) => d.group !== "rates")).toBe(true);
    expect(new Set(EDITABLE_CONSTANTS.map((d) => d.key)).size).toBe(EDITABLE_CONSTANTS.length);
  });
});
