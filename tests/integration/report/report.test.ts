// The executive report: the same numbers as the engine and the estimate page, rates only for roles with
// rates.view, the PDF and CSV/XLSX downloads (audited), and cross-tenant / anonymous refusals on every route.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { can, ROLES } from "@/lib/auth/access-matrix";
import { loadEngagementDocument } from "@/lib/engagement-format/data";
import { estimate } from "@/lib/estimate";
import { addWeeks } from "@/lib/estimate/calendar";
import { computeEngagementEstimate } from "@/lib/estimates/data";
import { createBaselineAction } from "@/lib/estimates/actions";
import { loadReport } from "@/lib/report/data";
import { formatMoneyShort, formatMonths, formatReportDate } from "@/lib/report/format";
import { auditEntries, createReportWorld, fixtureDocument, getExport, getPdf, pdfToText, type ReportWorld } from "./support";

let world: ReportWorld;

beforeAll(async () => {
  world = await createReportWorld();
});

const parseCsv = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

describe("report numbers agree", () => {
  it.each([1, 7])("seed %i: headline = the engine on loadEngagementDocument = the estimate page's function = the fixture file (npm run estimate)", async (seed) => {
    const report = await loadReport(world.eid, { seed, canSeeRates: true });
    const engine = estimate(await loadEngagementDocument(world.eid), { seed, iterations: 10_000 });
    const page = (await computeEngagementEstimate(world.eid, { seed })).estimate;
    const cli = estimate(fixtureDocument(), { seed });
    for (const e of [engine, page, cli]) {
      expect(report.headline.cost.p50).toBe(e.cost.totalCents.percentiles.P50);
      expect(report.headline.cost.p80).toBe(e.cost.totalCents.percentiles.P80);
      expect(report.headline.cost.contingency).toBe(e.contingency.costCents);
      expect(report.headline.months.p50).toBe(e.duration.totalMonths.percentiles.P50);
      expect(report.headline.goLive.p80).toBe(addWeeks(e.input.plannedStart, e.duration.finalGoLiveWeeks.percentiles.P80!));
      expect(report.headline.completion.p50).toBe(addWeeks(e.input.plannedStart, e.duration.totalWeeks.percentiles.P50!));
      expect(report.headline.overlap.p50).toBe(e.licenseOverlap.band.p50);
    }
    expect(report.meta).toMatchObject({ seed, iterations: 10_000, firmName: world.org.name, clientName: "Cedar Valley Medical Group", preparedBy: ["Lead Consultant"] });
  });
});

describe("report data per role", () => {
  it.each(ROLES)("%s", async (role) => {
    const report = await loadReport(world.eid, { canSeeRates: can(role, "rates.view") });
    if (role === "clinical_reviewer") {
      expect(report.assumptions.rates).toBeNull();
      expect(report.overlap.fees).toBeNull();
      expect(report.costs.lines[0]).toMatchObject({ key: "labor", rateCents: null, hours: null });
      expect(JSON.stringify(report)).not.toMatch(/per provider per month|"rateCents":\d/);
    } else {
      expect(report.assumptions.rates?.length).toBeGreaterThan(5);
      expect(report.overlap.fees?.destination).toBe("$520 per provider per month");
    }
    // the workflow sign-off summary and the overview's inventory counts are live data
    expect(report.signOff).toMatchObject({ lastSignOff: null, total: 17 });
    expect(report.inventory.rows.find((r) => r.key === "integrations")).toMatchObject({ count: 20 });
  });
});

describe("the latest baseline", () => {
  it("is compared with: headline metrics and the inputs that changed since", async () => {
    const w = await createReportWorld();
    signInAs(w.lead);
    expect(await createBaselineAction({ engagementId: w.eid, values: { name: "SOW draft", seed: "3" } })).toMatchObject({ ok: true });
    const e = await db.engagement.findUniqueOrThrow({ where: { id: w.eid }, select: { assumptions: true, providers: true } });
    await db.engagement.update({ where: { id: w.eid }, data: { providers: 66, assumptions: { ...(e.assumptions as object), teamFte: 9 } } });
    const report = await loadReport(w.eid, { canSeeRates: true });
    expect(report.baseline).toMatchObject({ name: "SOW draft", seed: 3, recomputedWithBaselineSeed: true, createdByName: "Lead Consultant" });
    const p50 = report.baseline!.metrics.find((m) => m.label === "P50 cost")!;
    expect(p50.before).not.toBe(p50.after);
    expect(report.baseline!.inputChanges.join("\n")).toMatch(/60 → 66/);
    expect(report.baseline!.inputChanges.join("\n")).toMatch(/12 → 9/);
    // without a baseline: none
    expect((await loadReport(world.eid, { canSeeRates: true })).baseline).toBeNull();
  });
});

describe("GET /api/engagements/[id]/report.pdf", () => {
  it("executive: a multi-page PDF with the headline numbers as the page formats them; audited", async () => {
    signInAs(world.executive);
    const res = await getPdf(world.eid);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="cedar-valley-medical-group-priced-timeline-report-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = pdfToText(bytes);
    const r = await loadReport(world.eid, { canSeeRates: true });
    for (const s of [
      formatReportDate(r.headline.goLive.p50),
      formatReportDate(r.headline.goLive.p80),
      formatReportDate(r.headline.completion.p50),
      formatReportDate(r.headline.completion.p80),
      formatMonths(r.headline.months.p50),
      formatMonths(r.headline.months.p80),
      formatMoneyShort(r.headline.cost.p50),
      formatMoneyShort(r.headline.cost.p80),
      formatMoneyShort(r.headline.cost.contingency),
      formatMoneyShort(r.headline.overlap.p50),
      "Cedar Valley Medical Group",
      world.org.name,
      "estimate seed 1",
      "Page 1 of",
      "RATE PER HOUR",
      "$520 per provider per month",
    ]) expect(text, s).toContain(s);
    const audit = await auditEntries(world.eid, "report.pdf_download");
    expect(audit.at(-1)).toMatchObject({ actorId: world.executive.id, actorRole: "executive", outcome: "success", requestId: "test-request", changes: { format: "pdf", seed: 1 } });
  }, 60_000);

  it("?seed=7 gives the numbers of seed 7; a clinical reviewer's PDF has no rates or fees", async () => {
    signInAs(world.reviewer);
    const res = await getPdf(world.eid, "?seed=7");
    expect(res.status).toBe(200);
    const text = pdfToText(new Uint8Array(await res.arrayBuffer()));
    const r7 = await loadReport(world.eid, { seed: 7, canSeeRates: false });
    expect(text).toContain(formatMoneyShort(r7.headline.cost.p50));
    expect(text).toContain("estimate seed 7");
    expect(text).not.toContain("RATE PER HOUR");
    expect(text).not.toContain("per provider per month");
    expect(text).toContain("Labor rates and license fees are not shown in this view");
    expect(text).toContain("Labor (all workstreams)");
  }, 60_000);

  it("outsider → 404 (nothing audited on the engagement); anonymous → 401; unknown engagement → 404", async () => {
    const before = (await auditEntries(world.eid, "report.pdf_download")).length;
    signInAs(world.outsider);
    expect((await getPdf(world.eid)).status).toBe(404);
    expect((await getPdf("does-not-exist")).status).toBe(404);
    signInAs(null);
    const anon = await getPdf(world.eid);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: "UNAUTHENTICATED" });
    expect((await auditEntries(world.eid, "report.pdf_download")).length).toBe(before);
    expect(await db.auditEvent.findFirst({ where: { actorId: world.outsider.id, action: "access.denied", entityId: world.eid } })).toMatchObject({ engagementId: null, outcome: "denied" });
  });
});

describe("GET /api/engagements/[id]/report/export", () => {
  it("costs CSV (consultant): the estimate's cost lines, numbers as numbers, with hours and rates; audited", async () => {
    signInAs(world.consultant);
    const res = await getExport(world.eid, "?format=csv&part=costs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(await res.text());
    const est = (await computeEngagementEstimate(world.eid)).estimate;
    const labels = new Map<string, string>((await loadReport(world.eid, { seed: 1, canSeeRates: true })).costs.lines.map((l) => [l.key, l.label]));
    const byLabel = new Map(rows.slice(1).map((r) => [r[0], r]));
    const byKey = { get: (key: string) => byLabel.get(labels.get(key) ?? key) };
    for (const [key, d] of Object.entries(est.cost.lines)) {
      if (d.base === 0 && d.mean === 0 && d.percentiles.P80 === 0) continue;
      expect(Number(byKey.get(key)?.[2]), key).toBeCloseTo(d.base / 100, 2);
      expect(Number(byKey.get(key)?.[4]), key).toBeCloseTo(d.percentiles.P50! / 100, 2);
      expect(Number(byKey.get(key)?.[5]), key).toBeCloseTo(d.percentiles.P80! / 100, 2);
    }
    expect(Number(byLabel.get("Total")![4])).toBeCloseTo(est.cost.totalCents.percentiles.P50! / 100, 2);
    expect(rows[0]).toContain("Rate (USD/h)");
    const audit = await auditEntries(world.eid, "report.export");
    expect(audit.at(-1)).toMatchObject({ actorId: world.consultant.id, actorRole: "consultant", changes: { format: "csv", part: "costs", seed: 1 } });
  });

  it("costs XLSX (executive): the same lines as numbers; phases XLSX and CSV", async () => {
    signInAs(world.executive);
    const est = (await computeEngagementEstimate(world.eid)).estimate;
    const res = await getExport(world.eid, "?format=xlsx&part=costs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    // the license overlap line, in the group of what the client pays software vendors
    const overlap = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === "License overlap (two systems at once)")!;
    expect(overlap.getCell(2).value).toBe("License and vendor fees");
    expect(overlap.getCell(3).value).toBeCloseTo(est.cost.lines.license_overlap.base / 100, 2);
    expect(typeof overlap.getCell(5).value).toBe("number");

    const phases = parseCsv(await (await getExport(world.eid, "?format=csv&part=phases")).text());
    expect(phases.find((r) => r[0]!.startsWith("Phase 2"))![5]).toBe(String(est.duration.phases.P2.percentiles.P50));
    expect(phases.find((r) => r[0] === "Final go-live (P80)")![2]).toBe(addWeeks(est.input.plannedStart, est.duration.finalGoLiveWeeks.percentiles.P80!));
    expect((await getExport(world.eid, "?format=xlsx&part=phases")).status).toBe(200);
    expect((await auditEntries(world.eid, "report.export")).filter((a) => a.actorId === world.executive.id)).toHaveLength(3);
  });

  it("a clinical reviewer's costs: labor in one line, no hours or rates", async () => {
    signInAs(world.reviewer);
    const rows = parseCsv(await (await getExport(world.eid, "?format=csv&part=costs")).text());
    expect(rows[0]).not.toContain("Rate (USD/h)");
    expect(rows.map((r) => r[0])).toEqual(["Cost line", "Labor (all workstreams)", ...(await loadReport(world.eid, { seed: 1, canSeeRates: false })).costs.lines.slice(1).map((l) => l.label), "Total"]);
    expect(rows[1]![4]).toBe("");
  });

  it("bad format or part → 422; outsider → 404; anonymous → 401", async () => {
    signInAs(world.lead);
    expect((await getExport(world.eid, "?format=pdf&part=costs")).status).toBe(422);
    expect((await getExport(world.eid, "?format=csv")).status).toBe(422);
    signInAs(world.outsider);
    expect((await getExport(world.eid, "?format=csv&part=costs")).status).toBe(404);
    signInAs(null);
    expect((await getExport(world.eid, "?format=csv&part=costs")).status).toBe(401);
  });
});
