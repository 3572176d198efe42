// Money (dollars → cents), percentages (→ shares), optional numbers, checkboxes, levels: table-driven.
import { describe, expect, it } from "vitest";
import {
  centsToDollarsInput,
  checkboxField,
  dollarsToCents,
  levelField,
  moneyCents,
  numberToInput,
  optionalDecimal,
  optionalIsoDateField,
  optionalLevelField,
  optionalPercentShare,
  optionalWholeNumber,
  percentToShare,
  shareToPercentInput,
} from "@/lib/inventories/form-fields";

describe("money", () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.29, 29], // 0.29 * 100 = 28.999… in floating point
    [12_500.5, 1_250_050],
    [19.99, 1999],
    [21_000_000, 2_100_000_000],
  ])("dollarsToCents(%s) = %s", (dollars, cents) => expect(dollarsToCents(dollars)).toBe(cents));

  it.each([
    ["12,500", 1_250_000],
    ["$12,500.50", 1_250_050],
    ["$ 1 000", 100_000],
    ["0.01", 1],
  ])("moneyCents parses %j", (input, cents) => expect(moneyCents().parse(input)).toBe(cents));

  it("blank is zero or required, as asked; negatives and words are errors", () => {
    expect(moneyCents({ blank: "zero" }).parse("")).toBe(0);
    expect(moneyCents().safeParse("").error?.issues[0]?.message).toBe("Required");
    expect(moneyCents().safeParse("-5").error?.issues[0]?.message).toBe("Must be at least 0");
    expect(moneyCents().safeParse("ten").error?.issues[0]?.message).toBe("Enter a number");
    expect(moneyCents({ maxDollars: 100 }).safeParse("101").success).toBe(false);
  });

  it.each([
    [null, ""],
    [0, "0"],
    [1_250_000, "12,500"],
    [1_250_050, "12,500.50"],
    [5, "0.05"],
  ])("centsToDollarsInput(%s) = %j and parses back", (cents, text) => {
    expect(centsToDollarsInput(cents)).toBe(text);
    if (cents !== null) expect(moneyCents().parse(text)).toBe(cents);
  });
});

describe("percentages and shares", () => {
  it.each([
    ["25", 0.25],
    ["25%", 0.25],
    ["3.5", 0.035],
    ["7", 0.07],
    ["100", 1],
  ])("optionalPercentShare(%j) = %s", (input, share) => expect(optionalPercentShare().parse(input)).toBe(share));

  it("blank is unknown; over the maximum is an error", () => {
    expect(optionalPercentShare().parse("")).toBeNull();
    expect(optionalPercentShare().safeParse("140").error?.issues[0]?.message).toBe("Must be at most 100%");
  });

  it.each([0.07, 0.035, 0.25, 1, 0.333333])("share %s survives a round trip through the form", (share) => {
    expect(optionalPercentShare().parse(shareToPercentInput(share))).toBe(share);
    expect(percentToShare(Number(shareToPercentInput(share)))).toBe(share);
  });
});

describe("optional numbers, checkboxes, dates and levels", () => {
  it("optional whole numbers: blank → null, separators fine, fractions refused", () => {
    const f = optionalWholeNumber();
    expect(f.parse(" ")).toBeNull();
    expect(f.parse("1,250,000")).toBe(1_250_000);
    expect(f.safeParse("1.5").error?.issues[0]?.message).toBe("Enter a whole number");
    expect(f.safeParse("abc").error?.issues[0]?.message).toBe("Enter a whole number");
    expect(f.safeParse("-1").success).toBe(false);
  });

  it("optional decimals", () => {
    expect(optionalDecimal({ max: 100 }).parse("12.5")).toBe(12.5);
    expect(optionalDecimal({ max: 100 }).parse("")).toBeNull();
    expect(optionalDecimal({ max: 100 }).safeParse("101").success).toBe(false);
  });

  it("numberToInput writes what the parsers read back", () => {
    for (const n of [0, 7, 9_999, 10_000, 1_250_000, 12.5]) expect(optionalDecimal({ max: 1e9 }).parse(numberToInput(n))).toBe(n);
    expect(numberToInput(null)).toBe("");
  });

  it("checkboxes", () => {
    const f = checkboxField();
    expect([true, "on", "true"].map((v) => f.parse(v))).toEqual([true, true, true]);
    expect([false, "", undefined, "false"].map((v) => f.parse(v))).toEqual([false, false, false, false]);
  });

  it("optional dates", () => {
    expect(optionalIsoDateField().parse("")).toBeNull();
    expect(optionalIsoDateField().parse("2027-02-01")).toBe("2027-02-01");
    expect(optionalIsoDateField().safeParse("next week").success).toBe(false);
  });

  it("levels within the matrix size", () => {
    expect(levelField(5).parse("3")).toBe(3);
    expect(levelField(5).safeParse("6").success).toBe(false);
    expect(levelField(5).safeParse("").success).toBe(false);
    expect(optionalLevelField(5).parse("")).toBeNull();
  });
});
