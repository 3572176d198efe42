// INVARIANT of lib/inventories/registry.ts: fromRecord(toColumns(row)) deep-equals the parsed row, for every
// inventory, on the realistic fixtures and on generated rows; and each form's toForm → parse gives the row back.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { INVENTORIES, auditPolicyFromRecord, auditPolicyToColumns } from "@/lib/inventories/registry";
import { DataEntityFormSchema, dataEntityToForm } from "@/lib/data-inventory/schema";
import { WorkflowFormSchema, workflowToForm } from "@/lib/workflows/schema";
import { IntegrationFormSchema, integrationToForm } from "@/lib/integrations/schema";
import { ReportFormSchema, reportToForm } from "@/lib/reports/schema";
import { RiskFormSchema, riskToForm } from "@/lib/risks/schema";
import { AuditTrailFormSchema, auditTrailToForm } from "@/lib/audit-trail/schema";

const dir = path.resolve(__dirname, "../../fixtures/engagements");
const fixtures: [string, EngagementDocument][] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { format?: unknown }] as const)
  // engagement documents only (reference-class.json beside them lists the reference class's ranges and sources)
  .filter(([, json]) => json.format === "sounding.engagement")
  .map(([f, json]) => [f, EngagementDocumentSchema.parse(json)]);

// what a database row looks like after a write: Date for dates, BigInt for big counts, JSON as stored
function throughDatabase(columns: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(columns, (_k, v) => (typeof v === "bigint" ? `__big__${v}` : v)), (_k, v) =>
    typeof v === "string" && v.startsWith("__big__") ? BigInt(v.slice(7)) : typeof v === "string" && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? new Date(v) : v,
  );
}

describe("registry round trip on the fixtures", () => {
  it("has fixtures with rows in every inventory", () => {
    expect(fixtures.length).toBeGreaterThan(0);
    const [, doc] = fixtures[0]!;
    expect(doc.dataEntities.length && doc.workflows.length && doc.integrations.length && doc.reports.length && doc.risks.length).toBeTruthy();
  });

  for (const [name, doc] of fixtures) {
    it(`${name}: every row of every inventory`, () => {
      const rows = { data: doc.dataEntities, workflows: doc.workflows, integrations: doc.integrations, reports: doc.reports, risks: doc.risks };
      for (const key of Object.keys(rows) as (keyof typeof rows)[]) {
        const inv = INVENTORIES[key];
        for (const row of rows[key]) {
          const parsed = inv.schema.parse(row);
          const back = inv.fromRecord(throughDatabase((inv.toColumns as (r: typeof parsed) => Record<string, unknown>)(parsed)));
          expect(back).toEqual(parsed);
        }
      }
      if (doc.auditTrail) expect(auditPolicyFromRecord(throughDatabase(auditPolicyToColumns(doc.auditTrail)))).toEqual(doc.auditTrail);
    });

    it(`${name}: each form shows a row and saves it back unchanged`, () => {
      for (const r of doc.dataEntities) expect(DataEntityFormSchema.parse(dataEntityToForm(r))).toEqual(r);
      for (const r of doc.workflows) {
        const { reviewStatus: _r, ...rest } = r;
        expect(WorkflowFormSchema.parse(workflowToForm(r))).toEqual(rest);
      }
      for (const r of doc.integrations) expect(IntegrationFormSchema.parse(integrationToForm(r))).toEqual(r);
      for (const r of doc.reports) expect(ReportFormSchema.parse(reportToForm(r))).toEqual(r);
      for (const r of doc.risks) {
        const { libraryKey: _k, ...rest } = r;
        expect(RiskFormSchema.parse(riskToForm(r))).toEqual(rest);
      }
      if (doc.auditTrail) expect(AuditTrailFormSchema.parse(auditTrailToForm(doc.auditTrail))).toEqual(doc.auditTrail);
    });
  }
});

describe("registry round trip on generated rows", () => {
  const base = fixtures[0]![1];
  it("data entities with any record count, years and quirk numbers", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 2 ** 52 }), { nil: null }), fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), (recordCount, yearsCovered, affectedShare) => {
        const row = INVENTORIES.data.schema.parse({ ...base.dataEntities[0], recordCount, yearsCovered, quirks: [{ kind: "other", severity: "low", affectedShare }] });
        expect(INVENTORIES.data.fromRecord(throughDatabase(INVENTORIES.data.toColumns(row)))).toEqual(row);
      }),
    );
  });

  it("risks with and without impacts, probabilities and review dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.option(fc.constantFrom("2027-01-31", "2026-12-01"), { nil: null }),
        fc.boolean(),
        (likelihood, residualImpact, probability, nextReviewDate, withImpacts) => {
          const row = INVENTORIES.risks.schema.parse({
            ...base.risks[0],
            likelihood,
            residualImpact,
            probability,
            nextReviewDate,
            scheduleImpactWeeks: withImpacts ? { min: 1, likely: 2, max: 3 } : null,
            costImpact: withImpacts ? { kind: "amount", min: 0, likely: 100, max: 200 } : null,
          });
          expect(INVENTORIES.risks.fromRecord(throughDatabase(INVENTORIES.risks.toColumns(row)))).toEqual(row);
        },
      ),
    );
  });
});
