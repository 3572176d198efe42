// The PDF: renders without a browser, its text carries the headline numbers exactly as the page formats them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatMoneyFull, formatMoneyShort, formatMonths, formatReportDate } from "@/lib/report/format";
import { EMBEDDED_FONT, pdfText, renderReportPdf, winAnsiText } from "@/lib/report/pdf";
import { fixtureReport, pdfToText } from "./support";

describe("report PDF", () => {
  it("shows the go-live tracks, blackouts, lanes and the type decision with the fit criteria", { timeout: 60_000 }, async () => {
    const r = fixtureReport({ withTypeDecision: true, fitChecklist: { specialtyWorkflowFit: { answer: "no", note: "Primary care fits athenaOne" }, sizeVersusLicensing: { answer: null, note: "" }, technicalLeadership: { answer: "unsure", note: "" }, longHorizon: { answer: "yes", note: "" } } });
    const text = pdfToText(await renderReportPdf(r));
    for (const s of ["Go-live tracks, blackouts and team lanes", "Track 1", "Blackout windows", `binding: ${r.lanes.bindingLabel}`, "(binding)", "What one more person in the binding lane saves", "Which type should this client choose?", "Cumulative cost of ownership over 10 years", "BREAK-EVEN WITH A", "Specialty workflow fit", "Primary care fits athenaOne", "Not sure yet", r.fitChecklist!.summary.slice(0, 40)]) {
      expect(text, s).toContain(s);
    }
    const d = r.typeDecision;
    expect(d && !d.redacted).toBe(true);
    if (d && !d.redacted) for (const t of d.types) expect(text).toContain(formatMoneyFull(t.at10Cents));
  });

  it("without rates.view the type decision has no amounts", { timeout: 60_000 }, async () => {
    const r = fixtureReport({ withTypeDecision: true, canSeeRates: false });
    expect(r.typeDecision?.redacted).toBe(true);
    const text = pdfToText(await renderReportPdf(r));
    expect(text).toContain("Amounts are hidden for your role");
    const full = fixtureReport({ withTypeDecision: true });
    if (full.typeDecision && !full.typeDecision.redacted) for (const t of full.typeDecision.types) expect(text).not.toContain(formatMoneyFull(t.runPerYearCents));
  });

  it("is a tagged PDF: headings, tables with header cells, figures with alternate text; page furniture left out (issue 11)", { timeout: 60_000 }, async () => {
    const r = fixtureReport({ withTypeDecision: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-tagged-"));
    try {
      const file = path.join(dir, "report.pdf");
      fs.writeFileSync(file, await renderReportPdf(r));
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^PDF version:\s+1\.7$/m);
      const tree = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
      expect(tree.split("\n")[0]).toBe("Document");
      expect(tree).toContain(`H1 (block)\n    "${r.meta.clientName}"`);
      expect(tree).toMatch(/H2 \(block\)\n\s+"Phases, cutover waves and license overlap"/);
      expect(tree).toMatch(/Table \(block\)\n\s+TR\n\s+TH\n\s+"PHASE"/);
      expect((tree.match(/^\s+Figure$/gm) ?? []).length).toBeGreaterThanOrEqual(4);
      // the running footer is an artifact: its page numbers are in the text but not in the structure
      expect(pdfToText(fs.readFileSync(file))).toContain("Page 2 of");
      expect(tree).not.toContain("Page 2 of");
      // the alternate text of a figure (pdfinfo does not print it) is in its structure element's dictionary
      const raw = fs.readFileSync(file).toString("latin1");
      expect(raw).toContain("/Alt (Timeline chart of the phases and cutover waves");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("embeds DejaVu (assets/fonts) so arrows and math print; the Helvetica fallback spells them out", () => {
    expect(EMBEDDED_FONT).toBe(true);
    expect(pdfText("eCW → athena ≤ 3 − 1 “ok” — fine · 5× Σ")).toBe("eCW → athena ≤ 3 − 1 “ok” — fine · 5× Σ");
    expect(pdfText("漢\ta")).toBe("? a");
    expect(winAnsiText("eCW → athena ≤ 3 − 1 “ok” — fine · 5×")).toBe("eCW -> athena <= 3 - 1 “ok” — fine · 5×");
    expect(winAnsiText("漢")).toBe("?");
  });

  it("is a multi-page PDF whose text contains the headline numbers, page numbers and the footer", async () => {
    const r = fixtureReport();
    const buf = await renderReportPdf(r);
    expect(buf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfToText(buf);
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
      "Page 1 of 8",
      "Page 8 of 8",
      "COMMIT (P80)",
      "What moves the numbers most (drivers)",
      r.drivers.duration[0]!.label,
      "as of Feb 27, 2026",
      "estimate seed 1",
      "RATE PER HOUR",
    ]) expect(text, s).toContain(s);
    // P80 leads: the recommendation is on the cover, before the first P50 figure; no shell command for executives
    expect(text.indexOf("Commit to go-live by")).toBeGreaterThan(-1);
    expect(text.indexOf("Commit to go-live by")).toBeLessThan(text.indexOf("Expect (P50)"));
    expect(text).not.toContain("npm run");
    // the glyphs of the page, not their ASCII stand-ins (pdftotext reads them back from the embedded font)
    expect(text).toContain("→");
    expect(text).not.toContain("->");
    expect(text).not.toMatch(/(?<![\d.,])1 (interfaces|months|weeks|risks|items|entities)\b/);

    const reviewerText = pdfToText(await renderReportPdf(fixtureReport({ canSeeRates: false })));
    expect(reviewerText).not.toContain("RATE PER HOUR");
    expect(reviewerText).toContain("Labor rates and license fees are not shown in this view");
    expect(reviewerText).not.toContain("per provider per month");
    expect(reviewerText).toContain(formatMoneyShort(r.headline.cost.p50));
  }, 60_000);
});
