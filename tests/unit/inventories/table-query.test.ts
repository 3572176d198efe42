// Table URL state, page windows, segment planning for meaning-ordered sorts, audit-trail warnings.
import { describe, expect, it } from "vitest";
import { hrefWith, pageWindow, toPage, todayIso } from "@/lib/inventories/table-query";
import { orderVocabularyGroups, planSegments, fetchSegmentedPage } from "@/lib/inventories/paging";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { RiskQuerySchema } from "@/lib/risks/schema";
import { auditTrailWarnings } from "@/lib/audit-trail/schema";
import { isRegulatoryWithoutPlan } from "@/lib/reports/schema";

describe("table query", () => {
  it("defaults, and bad values fall back instead of failing", () => {
    expect(DataEntityQuerySchema.parse({})).toEqual({ page: 1, sort: "entity", dir: "asc", q: undefined, entity: undefined, decision: undefined, mapping: undefined, flag: undefined });
    expect(DataEntityQuerySchema.parse({ page: "0", sort: "id; DROP TABLE", dir: "up", entity: "x", q: "   " })).toMatchObject({ page: 1, sort: "entity", dir: "asc", entity: undefined, q: undefined });
    expect(DataEntityQuerySchema.parse({ page: ["3", "4"], q: " labs ", flag: "unknown_count" })).toMatchObject({ page: 3, q: "labs", flag: "unknown_count" });
    expect(RiskQuerySchema.parse({})).toMatchObject({ sort: "score", dir: "desc" });
  });

  it("hrefWith changes params, drops the page on other changes, removes empty ones", () => {
    const current = new URLSearchParams("sort=name&dir=asc&page=3&kind=erx");
    expect(hrefWith("/e/1/integrations", current, { kind: "payer" })).toBe("/e/1/integrations?sort=name&dir=asc&kind=payer");
    expect(hrefWith("/e/1/integrations", current, { page: "4" })).toBe("/e/1/integrations?sort=name&dir=asc&page=4&kind=erx");
    expect(hrefWith("/e/1/integrations", current, { page: "1" })).toBe("/e/1/integrations?sort=name&dir=asc&kind=erx");
    expect(hrefWith("/e/1/integrations", current, { kind: null, sort: "", dir: null })).toBe("/e/1/integrations");
    expect(hrefWith("/x", { q: "a b", empty: undefined }, {})).toBe("/x?q=a+b");
  });

  it("page windows and page counts", () => {
    expect(pageWindow(1)).toEqual({ skip: 0, take: 50 });
    expect(pageWindow(3)).toEqual({ skip: 100, take: 50 });
    expect(toPage([], 0, 1).pageCount).toBe(1);
    expect(toPage([], 101, 1).pageCount).toBe(3);
  });

  it("today in UTC", () => expect(todayIso(new Date("2027-03-01T23:30:00-05:00"))).toBe("2027-03-02"));
});

describe("segment planning", () => {
  it.each([
    [[10, 10, 10], 0, 50, [{ index: 0, skip: 0, take: 10, isWhole: true }, { index: 1, skip: 0, take: 10, isWhole: true }, { index: 2, skip: 0, take: 10, isWhole: true }]],
    [[100, 30], 50, 50, [{ index: 0, skip: 50, take: 50, isWhole: false }]],
    [[40, 30, 80], 50, 50, [{ index: 1, skip: 10, take: 20, isWhole: false }, { index: 2, skip: 0, take: 30, isWhole: false }]],
    [[0, 5, 0, 5], 0, 50, [{ index: 1, skip: 0, take: 5, isWhole: true }, { index: 3, skip: 0, take: 5, isWhole: true }]],
    [[10], 50, 50, []],
  ])("counts %j, window %s+%s", (counts, skip, take, expected) => expect(planSegments(counts, skip, take)).toEqual(expected));

  it("assembles a page from at most three fetches, equal to sorting everything", async () => {
    const rows = Array.from({ length: 237 }, (_, i) => ({ id: i, seg: (i * 7) % 9, name: `n${String((i * 13) % 237).padStart(3, "0")}` }));
    const counts = Array.from({ length: 9 }, (_, s) => rows.filter((r) => r.seg === s).length);
    const sorted = [...rows].sort((a, b) => a.seg - b.seg || a.name.localeCompare(b.name));
    for (let page = 0; page < 5; page++) {
      let calls = 0;
      const got = await fetchSegmentedPage({
        segments: counts.map((count, key) => ({ key, count })),
        skip: page * 50,
        take: 50,
        fetch: async (keys, skip, take) => {
          calls++;
          return sorted.filter((r) => keys.includes(r.seg)).slice(skip, skip + take);
        },
        segmentOf: (r) => r.seg,
        within: (a, b) => a.name.localeCompare(b.name),
      });
      expect(got).toEqual(sorted.slice(page * 50, page * 50 + 50));
      expect(calls).toBeLessThanOrEqual(3);
    }
  });

  it("vocabulary order, reversed for desc, unknown values last either way", () => {
    const groups = [{ value: "high", count: 1 }, { value: "weird", count: 1 }, { value: "low", count: 2 }, { value: "critical", count: 3 }];
    const vocab = ["low", "medium", "high", "critical"];
    expect(orderVocabularyGroups(vocab, groups, "asc").map((s) => s.key)).toEqual(["low", "high", "critical", "weird"]);
    expect(orderVocabularyGroups(vocab, groups, "desc").map((s) => s.key)).toEqual(["critical", "high", "low", "weird"]);
  });
});

describe("flags and warnings", () => {
  it("regulatory without plan", () => {
    expect(isRegulatoryWithoutPlan({ kind: "regulatory", reproducibilityPlan: " " })).toBe(true);
    expect(isRegulatoryWithoutPlan({ kind: "regulatory", reproducibilityPlan: "Rebuild" })).toBe(false);
    expect(isRegulatoryWithoutPlan({ kind: "financial", reproducibilityPlan: "" })).toBe(false);
  });

  it("audit-trail warnings", () => {
    expect(auditTrailWarnings(null).map((w) => w.field)).toEqual(["policy"]);
    expect(auditTrailWarnings({ policy: "undecided", retrievalProcedure: "", destination: "" }).map((w) => w.field)).toEqual(["policy"]);
    expect(auditTrailWarnings({ policy: "archive", retrievalProcedure: "", destination: "S3" }).map((w) => w.field)).toEqual(["retrievalProcedure"]);
    expect(auditTrailWarnings({ policy: "hybrid", retrievalProcedure: "Query by MRN", destination: "" }).map((w) => w.field)).toEqual(["destination"]);
    expect(auditTrailWarnings({ policy: "migrate", retrievalProcedure: "", destination: "Epic access log" })).toEqual([]);
  });
});
