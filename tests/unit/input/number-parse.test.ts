// The one number reading (lib/number-parse.ts) and the form builders that use it: the hostile tester's
// "0x10 is 16" and "1,5 is 15" must be refused everywhere a person types a number.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_NUMBER_TEXT, parseNumber } from "@/lib/number-parse";
import { decimalNumber, wholeNumber } from "@/lib/form-fields";
import { moneyCents, optionalDecimal, optionalPercentShare, optionalWholeNumber, levelField } from "@/lib/inventories/form-fields";
import { parseNumberInput } from "@/lib/assumptions/schema";

describe("parseNumber", () => {
  it.each([
    ["1234", 1234],
    ["  1234.5 ", 1234.5],
    [".5", 0.5],
    ["12.", 12],
    ["+3", 3],
    ["-3", -3],
    ["\u22123", -3],
    ["12,000", 12_000],
    ["1,234,567.25", 1_234_567.25],
    ["12 000", 12_000],
    ["12\u00a0000", 12_000],
    ["12\u202f000", 12_000],
    ["12_000", 12_000],
    ["12'000", 12_000],
    ["1.5e3", 1500],
    ["2E-4", 0.0002],
    ["007", 7],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    "", "   ", "0x10", "0X1f", "0o7", "0b101", "Infinity", "-Infinity", "NaN", "1,5", "1,50", "12,0000", "1,234 567",
    "1.234,5", "--3", "+-3", "1e400", "-1e400", "12abc", "1 2", "$5", "5%", "1.2.3", "١٢", "12\u0000", "e5", ".", "-",
  ])("refuses %j", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it("refuses text longer than MAX_NUMBER_TEXT", () => {
    expect(parseNumber("1".repeat(MAX_NUMBER_TEXT + 1))).toBeNull();
    expect(parseNumber(`${"1".repeat(MAX_NUMBER_TEXT - 1)}`)).not.toBeNull();
  });

  it("reads a decimal comma only when asked", () => {
    expect(parseNumber("12,5", { decimalComma: true })).toBe(12.5);
    expect(parseNumber("1.234,5", { decimalComma: true })).toBe(1234.5);
    expect(parseNumber("1 234,5", { decimalComma: true })).toBe(1234.5);
    expect(parseNumber(",5", { decimalComma: true })).toBe(0.5);
    expect(parseNumber("12,000", { decimalComma: true })).toBe(12);
    expect(parseNumber("1,234.5", { decimalComma: true })).toBeNull();
    expect(parseNumber("12,5")).toBeNull();
  });

  it("takes a currency sign and a percent sign only when asked", () => {
    expect(parseNumber("$12,500.50", { currency: true })).toBe(12_500.5);
    expect(parseNumber("$ 5", { currency: true })).toBe(5);
    expect(parseNumber("-$5", { currency: true })).toBe(-5);
    expect(parseNumber("$-5", { currency: true })).toBe(-5);
    expect(parseNumber("$$5", { currency: true })).toBeNull();
    expect(parseNumber("25%", { percent: true })).toBe(25);
    expect(parseNumber("25 %", { percent: true })).toBe(25);
    expect(parseNumber("25%%", { percent: true })).toBeNull();
  });

  it("never returns a non-finite number, and round-trips what it formats", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const n = parseNumber(s);
        return n === null || Number.isFinite(n);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => {
        const en = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20, useGrouping: true }).format(x).replace("-", "-");
        return parseNumber(en) === Number(en.replace(/,/g, ""));
      }),
    );
  });
});

describe("every number field of the forms uses it", () => {
  const refused = ["0x10", "1,5", "Infinity", "1e400"];
  const schemas = {
    wholeNumber: wholeNumber({ max: 1_000_000 }),
    decimalNumber: decimalNumber(),
    optionalWholeNumber: optionalWholeNumber(),
    optionalDecimal: optionalDecimal(),
    moneyCents: moneyCents(),
    optionalPercentShare: optionalPercentShare(),
    levelField: levelField(7),
  };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} refuses ${refused.join(", ")} with a field message`, () => {
      for (const text of refused) {
        const r = schema.safeParse(text);
        expect(r.success, `${name}(${JSON.stringify(text)})`).toBe(false);
        if (!r.success) expect(r.error.issues[0].message).toMatch(/Enter a (whole )?number|Choose a level|Must be/);
      }
    });
  }

  it("still reads thousands separators", () => {
    expect(wholeNumber({ max: 1_000_000 }).parse("12,000")).toBe(12_000);
    expect(optionalWholeNumber().parse("1 234 567")).toBe(1_234_567);
    expect(moneyCents().parse("$12,500.50")).toBe(1_250_050);
    expect(optionalPercentShare().parse("25%")).toBe(0.25);
    expect(levelField(7).parse("3")).toBe(3);
  });

  it("the assumptions form reads numbers the same way", () => {
    expect(parseNumberInput("0x10")).toEqual({ ok: false, message: "Enter a number" });
    expect(parseNumberInput("1,5")).toEqual({ ok: false, message: "Enter a number" });
    expect(parseNumberInput("$1,500")).toEqual({ ok: true, value: 1500 });
    expect(parseNumberInput("1e400")).toEqual({ ok: false, message: "Enter a number" });
  });
});
