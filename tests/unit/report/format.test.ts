import { describe, expect, it } from "vitest";
import { formatDaysDelta, formatMoneyDelta, formatMoneyFull, formatMoneyShort, formatMonths, formatMonthsDelta, formatRate, formatReportDate, formatReportDateTime, formatShare, listInWords } from "@/lib/report/format";

describe("report formatting (numbers for people)", () => {
  it.each([
    [239_757_267, "$2.40M"],
    [99_950_000, "$1.00M"],
    [88_684_844, "$887k"],
    [4_320_000, "$43.2k"],
    [312_345, "$3.12k"],
    [45_600, "$456"],
    [-12_000_000, "−$120k"],
  ])("headline money %i → %s", (cents, text) => expect(formatMoneyShort(cents)).toBe(text));

  it("table money is full, rounded to whole units", () => {
    expect(formatMoneyFull(239_757_267)).toBe("$2,397,573");
    expect(formatMoneyFull(-150)).toBe("−$2");
    expect(formatMoneyFull(12_345_600, "EUR")).toBe("€123,456");
  });

  it("months with one decimal, dates like Mar 3, 2028", () => {
    expect(formatMonths(11.26)).toBe("11.3 months");
    expect(formatMonths(1)).toBe("1.0 month");
    expect(formatReportDate("2028-03-03")).toBe("Mar 3, 2028");
    expect(formatReportDate("2027-12-31T23:59:00.000Z")).toBe("Dec 31, 2027");
    expect(formatReportDate(null)).toBe("—");
    expect(formatReportDateTime("2028-03-03T14:05:09.000Z")).toBe("Mar 3, 2028, 14:05 UTC");
  });

  it("rates, shares and deltas", () => {
    expect(formatRate(12_500)).toBe("$125");
    expect(formatRate(12_550)).toBe("$125.50");
    expect(formatShare(0.1606)).toBe("16%");
    expect(formatMoneyDelta(12_000_000)).toBe("+$120k");
    expect(formatMoneyDelta(40)).toBe("no change");
    expect(formatMonthsDelta(-0.44)).toBe("−0.4 months");
    expect(formatDaysDelta(21)).toBe("+3.0 weeks");
    expect(formatDaysDelta(-2)).toBe("−2 days");
    expect(listInWords(["a", "b", "c"])).toBe("a, b and c");
  });
});
