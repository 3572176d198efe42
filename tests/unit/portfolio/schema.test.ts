// The portfolio's pure parts: what awaits whom, sorting (rows without a stored estimate last, whatever the
// direction), the "awaiting me" filter and firm totals that never add up different currencies.
import { describe, expect, it } from "vitest";
import { arrangePortfolio, awaitingFor, portfolioTotals, PortfolioViewSchema, type PortfolioEstimate, type PortfolioRow } from "@/lib/portfolio/schema";

const est = (p80CostCents: number, p80Months: number, confidence: number, currency = "USD", critical = 0): PortfolioEstimate => ({
  p50Months: p80Months - 1, p80Months, p50CostCents: p80CostCents - 100, p80CostCents, confidence, currency, computedAt: "2026-12-01T00:00:00.000Z", isCurrent: true,
  criticalFlags: Array.from({ length: critical }, (_, i) => ({ code: `C${i}`, message: "m" })),
});

function row(clientName: string, estimate: PortfolioEstimate | null, extra: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    id: clientName, clientName, name: "EMR", migrationType: "A", sourceSystem: "", destinationSystem: "", providers: 1, locations: 1, specialties: 1, staffUsers: 1, activePatients: 1, yearsOfData: 1,
    sourceSystemCount: 1, plannedStart: "2027-01-04", currency: "USD", status: "scoping", archivedAt: null, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z",
    myRole: "lead", memberCount: 1, estimate, review: { notReviewed: 0, changesRequested: 0, changedSinceApproval: 0, changedSinceSignOff: 0, lastSignOff: null }, awaitingMe: 0, lastActivityAt: null, ...extra,
  };
}

describe("portfolio", () => {
  it("reviewers and leads await items to review; consultants changes to answer; executives nothing", () => {
    const s = { notReviewed: 3, changesRequested: 2, changedSinceApproval: 1, changedSinceSignOff: 0, lastSignOff: null };
    expect(awaitingFor("clinical_reviewer", s)).toBe(4);
    expect(awaitingFor("lead", s)).toBe(4);
    expect(awaitingFor("consultant", s)).toBe(2);
    expect(awaitingFor("executive", s)).toBe(0);
  });

  it("sorts by P80 cost (largest first by default), rows without an estimate last in either direction", () => {
    const rows = [row("A", est(300, 10, 90)), row("B", null), row("C", est(500, 12, 70)), row("D", est(100, 8, 50))];
    const desc = arrangePortfolio(rows, PortfolioViewSchema.parse({ sort: "p80_cost" }));
    expect(desc.map((r) => r.clientName)).toEqual(["C", "A", "D", "B"]);
    const asc = arrangePortfolio(rows, PortfolioViewSchema.parse({ sort: "p80_cost", dir: "asc" }));
    expect(asc.map((r) => r.clientName)).toEqual(["D", "A", "C", "B"]);
    // lowest confidence first: the weakest estimates on top
    expect(arrangePortfolio(rows, PortfolioViewSchema.parse({ sort: "confidence" })).map((r) => r.clientName)).toEqual(["D", "C", "A", "B"]);
    // a bad parameter falls back on the default order
    expect(PortfolioViewSchema.parse({ sort: "nope", dir: "sideways" })).toEqual({ sort: "activity" });
  });

  it("filters to what awaits me and totals per currency", () => {
    const rows = [row("A", est(300, 10, 90, "USD", 1), { awaitingMe: 2 }), row("B", null), row("C", est(500, 12, 70, "EUR", 2), { awaitingMe: 1 })];
    expect(arrangePortfolio(rows, PortfolioViewSchema.parse({ mine: "1" })).map((r) => r.clientName).sort()).toEqual(["A", "C"]);
    const t = portfolioTotals(rows);
    expect(t).toMatchObject({ engagements: 3, estimated: 2, criticalFlags: 3, awaitingMe: 3, withoutSignOff: 3 });
    expect(t.costByCurrency).toEqual([
      { currency: "USD", p50Cents: 200, p80Cents: 300, engagements: 1 },
      { currency: "EUR", p50Cents: 400, p80Cents: 500, engagements: 1 },
    ]);
  });
});
