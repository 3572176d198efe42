// Saved import profiles, the pure parts: shape matching (fuzzy enough for a re-export with one extra column,
// not for another file), the offer, the mapping taken from a profile, and what a profile keeps.
import { describe, expect, it } from "vitest";
import { columnMappingsOf, effectiveValueMappings, mappingFromProfile, MIN_PROFILE_MATCH, offersFor, profileNameFor, profileOffer, shapeMatch, shapeOf, type StoredProfile } from "@/lib/import-export/profiles";
import type { ColumnValues } from "@/lib/import-export/value-mapping";

const HEADERS = ["Interface Name", "Partner", "Format", "Messages", "Direction", "Status", "Owner", "Notes"];

function profile(over: Partial<StoredProfile> = {}): StoredProfile {
  return {
    id: "p1", organizationId: "o1", inventory: "integrations", name: "Interfaces", shape: shapeOf(HEADERS), headers: HEADERS,
    columnMappings: { "Interface Name": "name", Partner: "partner", Direction: "direction", Notes: null },
    valueMappings: {}, fill: {}, sourceFileName: "Interfaces.xlsx",
    createdAt: new Date("2026-12-01T10:00:00Z"), lastUsedAt: new Date("2026-12-03T10:00:00Z"), ...over,
  };
}

describe("shapeMatch", () => {
  it("is 1 for the same headers in any order, spelling or case", () => {
    expect(shapeMatch(HEADERS, [...HEADERS].reverse())).toBe(1);
    expect(shapeMatch(HEADERS, HEADERS.map((h) => ` ${h.toUpperCase()} `))).toBe(1);
  });
  it("offers a re-export with one extra or one missing column, not a different file", () => {
    expect(shapeMatch(HEADERS, [...HEADERS, "Last reviewed"])).toBeGreaterThanOrEqual(MIN_PROFILE_MATCH);
    expect(shapeMatch(HEADERS, HEADERS.slice(1))).toBeGreaterThanOrEqual(MIN_PROFILE_MATCH);
    expect(shapeMatch(HEADERS, ["Report", "Owner", "Frequency", "Audience"])).toBeLessThan(MIN_PROFILE_MATCH);
    // a superset with many more columns is another file
    expect(shapeMatch(HEADERS, [...HEADERS, "A", "B", "C", "D"])).toBeLessThan(MIN_PROFILE_MATCH);
    expect(shapeMatch([], HEADERS)).toBe(0);
  });
});

describe("offersFor", () => {
  it("keeps this inventory's fitting profiles, best match first, at most three", () => {
    const exact = profile({ id: "exact", lastUsedAt: new Date("2026-11-01T00:00:00Z") });
    const close = profile({ id: "close", headers: [...HEADERS, "Extra"], shape: shapeOf([...HEADERS, "Extra"]) });
    const otherInventory = profile({ id: "reports", inventory: "reports" });
    const unrelated = profile({ id: "unrelated", headers: ["A", "B"], shape: "a|b" });
    expect(offersFor([close, unrelated, otherInventory, exact], "integrations", HEADERS).map((o) => o.id)).toEqual(["exact", "close"]);
  });
});

describe("profileOffer", () => {
  it("names the list and the day it was last imported", () => {
    expect(profileOffer({ name: "x", createdAt: "2026-12-01T10:00:00Z", lastUsedAt: "2026-12-03T23:30:00Z" }, "integration")).toBe("Looks like the integration list you imported on 3 Dec 2026 — apply its mappings?");
  });
});

describe("mappingFromProfile", () => {
  it("maps the profile's headers by text; other headers keep their suggestion unless it is taken", () => {
    const headers = ["Partner", "Interface Name", "Notes", "Flow", "Owner"];
    const suggested = ["partner", null, "notes", "direction", "owner"];
    expect(mappingFromProfile(profile(), headers, suggested)).toEqual(["partner", "name", null, "direction", "owner"]);
    // a suggestion the profile already gave to another header is dropped
    expect(mappingFromProfile(profile(), ["Direction", "Flow"], [null, "direction"])).toEqual(["direction", null]);
    // two headers with one canonical form ("Dir" abbreviates "Direction"): the first takes the column
    expect(mappingFromProfile(profile(), ["Direction", "Dir"], [null, null])).toEqual(["direction", null]);
  });
});

describe("what a profile keeps", () => {
  const values: ColumnValues[] = [{
    column: "direction", header: "Direction", kind: "enum", options: [], truncated: 0, scale: null,
    values: [
      { value: "In", count: 3, suggested: "inbound", how: "exact", suggestedLabel: "Inbound" },
      { value: "Both ways", count: 2, suggested: "bidirectional", how: "synonym", suggestedLabel: "Bidirectional" },
      { value: "Outward bound", count: 1, suggested: undefined, how: "none", suggestedLabel: "" },
    ],
  }];
  it("the consultant's choices and the confirmed suggestions, not exact matches", () => {
    expect(effectiveValueMappings(values, { acceptSuggestions: true, valueMappings: { direction: { "Outward bound": "outbound" } } })).toEqual({ direction: { "Both ways": "bidirectional", "Outward bound": "outbound" } });
    expect(effectiveValueMappings(values, { acceptSuggestions: false })).toEqual({});
    // a choice that overrides an exact match is kept
    expect(effectiveValueMappings(values, { valueMappings: { direction: { In: "outbound" } } })).toEqual({ direction: { In: "outbound" } });
  });
  it("column mappings by header text, blank headers left out", () => {
    expect(columnMappingsOf(["Name", "", "Notes"], ["name", null, null])).toEqual({ Name: "name", Notes: null });
  });
  it("names a profile after its file, unique in the firm", () => {
    expect(profileNameFor("Interfaces_2026.xlsx", [])).toBe("Interfaces 2026");
    expect(profileNameFor("Interfaces_2026.xlsx", ["interfaces 2026", "Interfaces 2026 (2)"])).toBe("Interfaces 2026 (3)");
    expect(profileNameFor(".csv", [])).toBe("Import");
  });
});
