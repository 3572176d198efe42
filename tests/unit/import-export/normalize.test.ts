import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  excelSerialToIso, normalizeBoolean, normalizeDate, normalizeEnum, normalizeInteger, normalizeLevel, normalizeMoneyCents,
  normalizeNumber, normalizePercent, normalizeText, parseNumberText,
} from "@/lib/import-export/normalize";
import { neutraliseFormulaText, restoreFormulaText } from "@/lib/import-export/formula";
import { DIRECTIONS, MIGRATE_DECISIONS, PHASES, INTEGRATION_STANDARDS } from "@/lib/engagement-format/schema";

const value = <T,>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `ERROR: ${r.message}`);

describe("numbers", () => {
  it.each([
    ["12,000", 12000], ["12 000", 12000], ["1,234.5", 1234.5], ["1.234,5", 1234.5], ["12,5", 12.5], ["$1.2M", 1_200_000],
    ["45k", 45_000], ["~1200", 1200], ["approx. 3k", 3000], ["(500)", -500], ["-7", -7], ["0.25", 0.25], ["1e3", 1000],
    ["12\u00a0345", 12345], ["'-7", -7],
  ])("%s → %s", (input, expected) => {
    expect(parseNumberText(input)).toBe(expected);
  });
  it.each(["twelve", "12-14", "1,2,3", "", "12.000.5"])("%s is not a number", (input) => {
    expect(parseNumberText(input)).toBeNull();
  });
  it("whole numbers refuse fractions and keep blanks unknown", () => {
    expect(value(normalizeInteger("12,000"))).toBe(12000);
    expect(value(normalizeInteger(1.5))).toMatch(/not a whole number/);
    expect(value(normalizeInteger("  "))).toBeNull();
    expect(value(normalizeNumber("abc"))).toBe("ERROR: “abc” is not a number");
  });
  it("percentages: 35%, 0.35 and a bare 35 are all 0.35", () => {
    expect(value(normalizePercent("35%"))).toBe(0.35);
    expect(value(normalizePercent("35 %"))).toBe(0.35);
    expect(value(normalizePercent(0.35))).toBe(0.35);
    expect(value(normalizePercent("35"))).toBe(0.35);
    expect(value(normalizePercent("3.1%"))).toBe(0.031);
    expect(value(normalizePercent("12.5%"))).toBe(0.125);
    expect(value(normalizePercent("lots"))).toMatch(/not a percentage/);
  });
  it("money: dollars to integer cents", () => {
    expect(value(normalizeMoneyCents("$12,500.50"))).toBe(1_250_050);
    expect(value(normalizeMoneyCents(19.99))).toBe(1999);
    expect(value(normalizeMoneyCents("1.2M"))).toBe(120_000_000);
  });
});

describe("dates", () => {
  it("Excel serial numbers (1900 system)", () => {
    expect(excelSerialToIso(45366)).toBe("2024-03-15");
    expect(excelSerialToIso(1)).toBe("1899-12-31");
    expect(value(normalizeDate(46461))).toBe("2027-03-15");
    expect(value(normalizeDate("46461"))).toBe("2027-03-15");
  });
  it.each([
    ["2027-03-15", "2027-03-15"], ["2027-03-15T00:00:00.000Z", "2027-03-15"], ["2027/3/5", "2027-03-05"], ["3/15/2027", "2027-03-15"],
    ["15/3/2027", "2027-03-15"], ["15 Mar 2027", "2027-03-15"], ["March 15, 2027", "2027-03-15"], ["Sept 1 2027", "2027-09-01"],
    ["1-Sep-2027", "2027-09-01"],
  ])("%s → %s", (input, expected) => {
    expect(value(normalizeDate(input))).toBe(expected);
  });
  it("refuses impossible dates with a hint", () => {
    expect(value(normalizeDate("2027-02-30"))).toMatch(/is not a date \(use YYYY-MM-DD/);
    expect(value(normalizeDate("soon"))).toMatch(/not a date/);
  });
});

describe("booleans", () => {
  it.each([["yes", true], ["Y", true], ["TRUE", true], ["x", true], ["X", true], ["1", true], [1, true], [true, true], ["no", false], ["N", false], ["false", false], ["0", false], [0, false], ["-", false]])(
    "%s → %s", (input, expected) => {
      expect(value(normalizeBoolean(input))).toBe(expected);
    },
  );
  it("blank is unknown; other words are errors", () => {
    expect(value(normalizeBoolean(""))).toBeNull();
    expect(value(normalizeBoolean("maybe"))).toMatch(/not yes or no/);
  });
});

describe("vocabularies", () => {
  it("accept codes, labels and synonyms in any case and punctuation", () => {
    expect(value(normalizeEnum("Archive only", MIGRATE_DECISIONS))).toBe("archive_only");
    expect(value(normalizeEnum("ARCHIVE-ONLY", MIGRATE_DECISIONS))).toBe("archive_only");
    expect(value(normalizeEnum("archive_only", MIGRATE_DECISIONS))).toBe("archive_only");
    expect(value(normalizeEnum("Do not migrate", MIGRATE_DECISIONS))).toBe("do_not_migrate");
    expect(value(normalizeEnum("bi-directional", DIRECTIONS))).toBe("bidirectional");
    expect(value(normalizeEnum("HL7", INTEGRATION_STANDARDS))).toBe("hl7v2");
    expect(value(normalizeEnum("File / SFTP", INTEGRATION_STANDARDS))).toBe("file_sftp");
    expect(value(normalizeEnum("Phase 2 — pilot", PHASES))).toBe("P2");
    expect(value(normalizeEnum("pilot", PHASES))).toBe("P2");
  });
  it("name the allowed labels when a word is unknown", () => {
    expect(value(normalizeEnum("Sideways", DIRECTIONS))).toBe("ERROR: “Sideways” is not one of: Inbound, Outbound, Bidirectional");
  });
  it("matrix levels accept numbers, labels and '4 - Likely'", () => {
    const labels = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
    expect(value(normalizeLevel("Likely", labels))).toBe(4);
    expect(value(normalizeLevel("almost certain", labels))).toBe(5);
    expect(value(normalizeLevel("4 - Likely", labels))).toBe(4);
    expect(value(normalizeLevel(3, labels))).toBe(3);
    expect(value(normalizeLevel("often", labels))).toMatch(/not a level/);
  });
});

describe("text and formula neutralisation", () => {
  it("text is trimmed, BOM removed, numbers become text", () => {
    expect(value(normalizeText("\uFEFF  Montréal  "))).toBe("Montréal");
    expect(value(normalizeText(42))).toBe("42");
  });
  it.each([["=SUM(A1)", "'=SUM(A1)"], ["+1", "'+1"], ["-note", "'-note"], ["@cmd", "'@cmd"], ["\tx", "'\tx"], ["\rx", "'\rx"], ["plain", "plain"], ["'quoted", "'quoted"], ["'=x", "''=x"]])(
    "%j → %j", (input, expected) => {
      expect(neutraliseFormulaText(input)).toBe(expected);
      expect(restoreFormulaText(expected)).toBe(input);
    },
  );
  it("the round trip is lossless for every string", () => {
    fc.assert(fc.property(fc.string(), (s) => restoreFormulaText(neutraliseFormulaText(s)) === s));
    fc.assert(fc.property(fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "a"), fc.string(), (head, tail) => {
      const out = neutraliseFormulaText(head + tail);
      return !/^[=+\-@\t\r]/.test(out) && restoreFormulaText(out) === head + tail;
    }));
  });
  it("normalizers strip the export prefix", () => {
    expect(value(normalizeText("'=HYPERLINK(x)"))).toBe("=HYPERLINK(x)");
    expect(value(normalizeNumber("'-5"))).toBe(-5);
  });
});
