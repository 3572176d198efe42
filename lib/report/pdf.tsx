// The executive report as a PDF, rendered on the server with @react-pdf/renderer (no browser): a cover
// summary, then timeline (vector Gantt from Svg primitives), costs, risks, assumptions and inventory.
// Text is set in DejaVu Sans Condensed, embedded from assets/fonts (Bitstream Vera licence, see
// assets/fonts/LICENSE-DejaVu.txt), so "→", "≤", "−" and "Σ" print as on screen. Should the font files be
// missing, the PDF falls back to the built-in Helvetica, whose WinAnsi encoding lacks those glyphs, and
// pdfText() spells them out ("->"). Every number is formatted by lib/report/format.ts, the same functions
// as the page, so the PDF's text matches the page's.
// Not a tagged PDF: @react-pdf/renderer 4.9 creates its pdfkit document without `tagged` and writes no
// structure tree, so there is no way to tag from here; the document language is set (en-US).
import fs from "node:fs";
import path from "node:path";
import { Document, Font, G, Line, Page, Polygon, Polyline, Rect, renderToBuffer, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { GanttBar } from "@/lib/estimate";
import type { TypeDecision } from "@/lib/estimate/tco";
import { buildHeatMap, SEVERITY_LABELS, type SeverityBand } from "@/lib/risk-matrix/heat-map";
import {
  formatCount,
  formatMoneyFull,
  formatMoneyShort,
  formatMonthKey,
  formatMonths,
  formatRate,
  formatReportDate,
  formatReportDateTime,
  formatShare,
  formatWeeks,
  plural,
} from "@/lib/report/format";
import { baselineIntro, baselineMetricText, cutoverWaveRow, ganttRows, ganttTicks, inventoryKnownText, planRowsNote, reportTitleLine, signOffText } from "@/lib/report/presenters";
import { SEVERITY_WORDS, type ReportView } from "@/lib/report/model";

// ---------- fonts ----------
const FONT_DIR = path.join(process.cwd(), "assets", "fonts");
const FONT_FILES = { regular: path.join(FONT_DIR, "DejaVuSansCondensed.ttf"), bold: path.join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf") };
/** true when the DejaVu files are there (then registered once); false → Helvetica and WinAnsi-safe text */
export const EMBEDDED_FONT = fs.existsSync(FONT_FILES.regular) && fs.existsSync(FONT_FILES.bold);
if (EMBEDDED_FONT) {
  Font.register({ family: "SoundingSans", src: FONT_FILES.regular });
  Font.register({ family: "SoundingSans-Bold", src: FONT_FILES.bold });
  Font.registerHyphenationCallback((word) => [word]); // never break words with a hyphen the page does not have
}
const FONT = EMBEDDED_FONT ? "SoundingSans" : "Helvetica";
const FONT_BOLD = EMBEDDED_FONT ? "SoundingSans-Bold" : "Helvetica-Bold";
/** DejaVu's line box is taller than Helvetica's: tighter line heights keep the same pages */
const LH = EMBEDDED_FONT ? 0.92 : 1;

// ---------- text safe for the font in use ----------
const REPLACEMENTS: Record<string, string> = {
  "→": "->", "←": "<-", "↔": "<->", "≤": "<=", "≥": ">=", "≈": "~", "≠": "!=", "−": "-", "‐": "-", "‑": "-",
  "Σ": "Sum ", "✓": "", "✔": "", "′": "'", "″": '"', "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": "",
};
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the standard fonts can print (WinAnsi): what they lack is spelled out ("→" → "->"), the rest "?". */
export function winAnsiText(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (code === 0x09) out += " ";
    else out += "?";
  }
  return out;
}

/** Text the embedded DejaVu font prints: Latin, Greek, Cyrillic, punctuation, arrows, math (below U+2C00); tabs as spaces. */
function embeddedText(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code === 0x09) out += " ";
    else if (code === 0x0a || (code >= 0x20 && code < 0x2c00 && !(code >= 0x7f && code < 0xa0))) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else out += "?";
  }
  return out;
}

export function pdfText(s: string): string {
  return EMBEDDED_FONT ? embeddedText(s) : winAnsiText(s);
}

// ---------- styles ----------
const C = {
  ink900: "#121926", ink700: "#364152", ink600: "#4b5565", ink500: "#667085", ink400: "#8590a2", ink300: "#b0b7c3", ink200: "#d5d9e0", ink100: "#eceef2", ink50: "#f6f7f9",
  brand900: "#0a2a40", brand700: "#104a72", brand600: "#155f91", brand500: "#1f79b3", brand200: "#acd3eb", brand100: "#d5e9f5", brand50: "#eef6fb",
  red: "#b42318", redBg: "#fef3f2", amber: "#b54708", amberBg: "#fffaeb", green: "#067647", greenBg: "#ecfdf3",
};
const PHASE_COLORS: Record<string, string> = { P0: "#8590a2", P1: "#155f91", P2: "#7a5af8", P3: "#1f79b3", P4: "#4b5565" };
const HEAT: Record<SeverityBand, { bg: string; fg: string }> = {
  low: { bg: "#a7f3d0", fg: "#064e3b" },
  medium: { bg: "#fde68a", fg: "#78350f" },
  high: { bg: "#fdba74", fg: "#7c2d12" },
  critical: { bg: "#ef4444", fg: "#ffffff" },
};

/** Heading styles and their structure tags (P picks the tag from its first style). */
const HEADING_TAGS = new Map<object, string>();
const s = StyleSheet.create({
  page: { paddingTop: 44, paddingBottom: 56, paddingHorizontal: 44, fontFamily: FONT, fontSize: 9.5, color: C.ink900 },
  // INVARIANT: no lineHeight on the page itself: react-pdf then drops absolutely positioned fixed elements (the footer)
  footer: { position: "absolute", left: 44, right: 44, bottom: 24, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.5, borderTopColor: C.ink200, paddingTop: 6, fontSize: 7.5, color: C.ink500 },
  eyebrow: { fontSize: 8, color: C.brand700, fontFamily: FONT_BOLD, letterSpacing: 1, textTransform: "uppercase" },
  h1: { fontSize: 22, fontFamily: FONT_BOLD, color: C.ink900, marginTop: 10, lineHeight: 1.15 },
  h2: { fontSize: 14, fontFamily: FONT_BOLD, color: C.brand900, marginBottom: 8 },
  h3: { fontSize: 10.5, fontFamily: FONT_BOLD, color: C.ink900, marginTop: 12, marginBottom: 5 },
  muted: { color: C.ink500 },
  small: { fontSize: 8, color: C.ink600, lineHeight: 1.35 * LH },
  para: { marginBottom: 6, fontSize: 9.5, lineHeight: 1.4 * LH }, // lineHeight needs an explicit fontSize (an inherited one is ignored)
  row: { flexDirection: "row" },
  card: { borderWidth: 0.75, borderColor: C.ink200, borderRadius: 4, padding: 9 },
  kLabel: { fontSize: 7.5, color: C.ink500, textTransform: "uppercase", letterSpacing: 0.6, fontFamily: FONT_BOLD },
  kValue: { fontSize: 17, fontFamily: FONT_BOLD, color: C.ink900, marginTop: 3 },
  kSub: { fontSize: 8, color: C.ink600, marginTop: 2 },
  th: { fontFamily: FONT_BOLD, fontSize: 7.5, color: C.ink600, textTransform: "uppercase", letterSpacing: 0.3 },
  td: { fontSize: 8.5, lineHeight: 1.3 * LH },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: C.ink100, paddingVertical: 2.5 },
  trHead: { flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: C.ink300, paddingBottom: 3 },
  trTotal: { flexDirection: "row", borderTopWidth: 0.75, borderTopColor: C.ink400, paddingVertical: 4 },
  num: { textAlign: "right" },
  bold: { fontFamily: FONT_BOLD },
});
HEADING_TAGS.set(s.h1, "H1").set(s.h2, "H2").set(s.h3, "H3");


// ---------- small building blocks ----------
/**
 * Structure for the tagged PDF (a patch of @react-pdf/render, patches/): a Text's or View's `pdfTag` (H1–H3, P,
 * Table, TR, TH, TD), a graphic's `pdfAlt` (a Figure with alternate text), `pdfArtifact` for page furniture.
 * React-pdf's types do not know these props, so they are spread in.
 */
const tag = (pdfTag: string) => ({ pdfTag }) as object;
const figure = (pdfAlt: string) => ({ pdfAlt }) as object;
const ARTIFACT = { pdfArtifact: true } as object;

function P({ children, style }: { children: string; style?: object | object[] }) {
  const first = Array.isArray(style) ? style[0] : style;
  return <Text {...tag((first && HEADING_TAGS.get(first)) || "P")} style={style as never}>{pdfText(children)}</Text>;
}

/** A paragraph when there is something to say (e.g. planRowsNote). */
function PlanNote({ text }: { text: string | null }) {
  return text ? <P style={s.para}>{text}</P> : null;
}

type Col = { title: string; width: number; align?: "left" | "right" };

function Table({ cols, rows, total }: { cols: Col[]; rows: string[][]; total?: string[] }) {
  const cell = (c: Col, v: string, i: number, bold = false) => (
    <Text key={i} {...tag("TD")} style={[s.td, { width: `${c.width}%`, paddingRight: 4 }, c.align === "right" ? s.num : {}, bold ? s.bold : {}] as never}>{pdfText(v)}</Text>
  );
  return (
    <View {...tag("Table")}>
      <View {...tag("TR")} style={s.trHead} fixed>
        {cols.map((c, i) => (
          <Text key={i} {...tag("TH")} style={[s.th, { width: `${c.width}%`, paddingRight: 4 }, c.align === "right" ? s.num : {}] as never}>{pdfText(c.title)}</Text>
        ))}
      </View>
      {rows.map((r, j) => (
        <View key={j} {...tag("TR")} style={s.tr} wrap={false}>
          {cols.map((c, i) => cell(c, r[i] ?? "", i))}
        </View>
      ))}
      {total ? <View {...tag("TR")} style={s.trTotal} wrap={false}>{cols.map((c, i) => cell(c, total[i] ?? "", i, true))}</View> : null}
    </View>
  );
}

function Kpi({ label, value, sub, tone }: { label: string; value: string; sub?: string; tone?: "brand" }) {
  return (
    <View style={[s.card, { flex: 1, backgroundColor: tone === "brand" ? C.brand50 : "#ffffff", borderColor: tone === "brand" ? C.brand200 : C.ink200 }] as never}>
      <P style={s.kLabel}>{label}</P>
      <P style={s.kValue}>{value}</P>
      {sub ? <P style={s.kSub}>{sub}</P> : null}
    </View>
  );
}

function FlagList({ flags }: { flags: ReportView["flags"] }) {
  return (
    <View>
      {flags.map((f, i) => {
        const tone = f.severity === "critical" ? { bg: C.redBg, fg: C.red } : f.severity === "warning" ? { bg: C.amberBg, fg: C.amber } : { bg: C.ink50, fg: C.ink600 };
        return (
          <View key={i} style={{ flexDirection: "row", backgroundColor: tone.bg, borderRadius: 3, padding: 6, marginBottom: 4 }} wrap={false}>
            <P style={{ width: 56, fontFamily: FONT_BOLD, fontSize: 8, color: tone.fg }}>{SEVERITY_WORDS[f.severity]}</P>
            <P style={{ flex: 1, fontSize: 8.5 }}>{f.message}</P>
          </View>
        );
      })}
    </View>
  );
}

function Footer({ r }: { r: ReportView }) {
  return (
    <View {...ARTIFACT} style={s.footer} fixed>
      <Text>{pdfText(`${r.meta.clientName} · ${r.meta.engagementName} · as of ${formatReportDate(r.meta.asOf)}`)}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function SectionPage({ r, title, eyebrow, children, size }: { r: ReportView; title: string; eyebrow: string; children: ReactNode; size: "A4" | "LETTER" }) {
  return (
    <Page size={size} style={s.page} wrap>
      <P style={s.eyebrow}>{eyebrow}</P>
      <P style={[s.h2, { marginTop: 3 }]}>{title}</P>
      {children}
      <Footer r={r} />
    </Page>
  );
}

/** SVG text (react-pdf types SVG text styles without fontSize; it is honoured). */
function SvgText({ x, y, children, size = 7, fill = C.ink600, anchor = "start", bold = false }: { x: number; y: number; children: string; size?: number; fill?: string; anchor?: "start" | "middle" | "end"; bold?: boolean }) {
  return (
    <Text x={x} y={y} fill={fill} textAnchor={anchor} style={{ fontSize: size, fontFamily: bold ? FONT_BOLD : FONT } as never}>
      {pdfText(children)}
    </Text>
  );
}

// ---------- charts ----------
function GanttSvg({ r, width }: { r: ReportView; width: number }) {
  const rows = ganttRows(r);
  const labelW = 150;
  const rowH = 17;
  const top = 26;
  const chartW = width - labelW - 8;
  const maxWeeks = Math.max(r.timeline.markers.p80EndWeeks, ...r.timeline.bars.map((b) => b.endWeek), ...r.timeline.p80Bars.map((b) => b.endWeek)) * 1.02;
  const x = (w: number) => labelW + (w / maxWeeks) * chartW;
  const height = top + rows.length * rowH + 30;
  const ticks = ganttTicks(r.meta.plannedStart, maxWeeks, 9).filter((t) => x(t.weeks) < width - 34);
  const markers = [
    { weeks: r.timeline.markers.p50GoLiveWeeks, label: `P50 go-live ${formatReportDate(r.headline.goLive.p50)}`, color: C.brand700 },
    { weeks: r.timeline.markers.p80GoLiveWeeks, label: `P80 go-live ${formatReportDate(r.headline.goLive.p80)}`, color: C.red },
  ];
  const p80ByKey = new Map(r.timeline.p80Bars.map((b) => [b.key, b]));
  return (
    <Svg {...figure(`Timeline chart of the phases and cutover waves (base plan, P80 outline, P50 and P80 go-live lines); the tables below give every date.`)} width={width} height={height}>
      {ticks.map((t, i) => (
        <G key={i}>
          <Line x1={x(t.weeks)} y1={top - 4} x2={x(t.weeks)} y2={top + rows.length * rowH} stroke={C.ink100} strokeWidth={0.6} />
          <SvgText x={x(t.weeks) + 2} y={top - 8} size={6.5} fill={C.ink500}>{formatMonthKey(t.month)}</SvgText>
        </G>
      ))}
      {rows.map((row, i) => {
        const y = top + i * rowH;
        const bar: GanttBar = row.bar;
        const color = PHASE_COLORS[bar.phase] ?? C.brand500;
        const p80 = p80ByKey.get(bar.key);
        return (
          <G key={bar.key}>
            {i % 2 === 0 ? <Rect x={0} y={y} width={width} height={rowH} fill={C.ink50} /> : null}
            <SvgText x={row.indent ? 12 : 2} y={y + 11.5} size={row.indent ? 7 : 7.5} fill={row.indent ? C.ink600 : C.ink900} bold={!row.indent}>{row.label}</SvgText>
            {p80 && row.kind === "phase" ? <Rect x={x(p80.startWeek)} y={y + 3} width={Math.max(1, x(p80.endWeek) - x(p80.startWeek))} height={rowH - 6} fill="none" stroke={color} strokeWidth={0.7} strokeDasharray="2 1.5" /> : null}
            <Rect x={x(bar.startWeek)} y={y + (row.indent ? 5 : 4)} width={Math.max(1.5, x(bar.endWeek) - x(bar.startWeek))} height={row.indent ? rowH - 10 : rowH - 8} fill={color} opacity={row.indent ? 0.55 : 1} />
            {row.goLiveWeeks !== null ? (
              <Polygon points={`${x(row.goLiveWeeks)},${y + 2.5} ${x(row.goLiveWeeks) + 4.5},${y + rowH / 2} ${x(row.goLiveWeeks)},${y + rowH - 2.5} ${x(row.goLiveWeeks) - 4.5},${y + rowH / 2}`} fill={C.ink900} />
            ) : null}
          </G>
        );
      })}
      {markers.map((m, i) => (
        <G key={i}>
          <Line x1={x(m.weeks)} y1={top - 2} x2={x(m.weeks)} y2={top + rows.length * rowH + 4} stroke={m.color} strokeWidth={1} strokeDasharray="3 2" />
          <SvgText x={x(m.weeks)} y={top + rows.length * rowH + 13 + i * 9} size={6.5} fill={m.color} anchor="middle" bold>{m.label}</SvgText>
        </G>
      ))}
    </Svg>
  );
}

/** Go-live tracks: one row per track, waves as bars, go-lives as diamonds (amber when a blackout moved them), blackouts shaded. */
function TracksSvg({ r, width }: { r: ReportView; width: number }) {
  const waves = r.cutover.waves;
  if (waves.length === 0) return null;
  const tracks = Math.max(1, ...waves.map((w) => w.track));
  const labelW = 44, rowH = 18, top = 14;
  const from = Math.max(0, Math.min(...waves.map((w) => w.startWeek)) - 2);
  const to = Math.max(...waves.map((w) => w.endWeek)) + 2;
  const x = (w: number) => labelW + ((Math.min(Math.max(w, from), to) - from) / (to - from)) * (width - labelW - 6);
  const ticks = ganttTicks(r.meta.plannedStart, to, 24).filter((t) => t.weeks >= from);
  const step = Math.max(1, Math.ceil(ticks.length / 8));
  const height = top + tracks * rowH + 4;
  return (
    <Svg {...figure(`Go-live tracks chart: ${plural(r.cutover.waves.length, "wave")} on ${plural(r.cutover.tracks, "track")}, with blackout windows; the table below gives each wave's track and dates.`)} width={width} height={height}>
      {ticks.filter((_, i) => i % step === 0).map((t, i) => (
        <G key={i}>
          <Line x1={x(t.weeks)} y1={top - 3} x2={x(t.weeks)} y2={top + tracks * rowH} stroke={C.ink100} strokeWidth={0.6} />
          <SvgText x={x(t.weeks) + 2} y={top - 5} size={6.5} fill={C.ink500}>{formatMonthKey(t.month)}</SvgText>
        </G>
      ))}
      {r.cutover.blackouts.filter((b) => b.endWeek > from && b.startWeek < to).map((b, i) => (
        <Rect key={i} x={x(b.startWeek)} y={top} width={Math.max(1.5, x(b.endWeek) - x(b.startWeek))} height={tracks * rowH} fill={C.amberBg} stroke={C.amber} strokeWidth={0.3} />
      ))}
      {Array.from({ length: tracks }, (_, t) => (
        <SvgText key={t} x={2} y={top + t * rowH + 11.5} size={7.5} fill={C.ink900} bold>{`Track ${t + 1}`}</SvgText>
      ))}
      {waves.map((w, i) => {
        const y = top + (w.track - 1) * rowH;
        const g = x(w.goLiveWeek);
        return (
          <G key={i}>
            <Rect x={x(w.startWeek)} y={y + 4} width={Math.max(1.5, x(w.endWeek) - x(w.startWeek))} height={rowH - 8} fill={C.brand500} opacity={0.7} />
            <Polygon points={`${g},${y + 2.5} ${g + 4.5},${y + rowH / 2} ${g},${y + rowH - 2.5} ${g - 4.5},${y + rowH / 2}`} fill={w.movedWeeks > 0 ? C.amber : C.ink900} />
          </G>
        );
      })}
    </Svg>
  );
}

const TCO_PDF_COLORS: Record<"A" | "B" | "C", string> = { A: "#1f79b3", B: "#d97706", C: "#7c5cc4" };

/** Cumulative cost of ownership per type over the horizon, break-even years dashed. */
function TcoSvg({ d, width, currency }: { d: TypeDecision; width: number; currency: string }) {
  const height = 150, left = 50, right = 44, top = 8, bottom = 16;
  const max = Math.max(1, ...d.types.flatMap((t) => t.cumulativeCents));
  const x = (yr: number) => left + (yr / d.horizonYears) * (width - left - right);
  const y = (c: number) => top + (1 - c / max) * (height - top - bottom);
  const gridValues = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  // end labels at least 9 pt apart
  const labelY = new Map<string, number>();
  [...d.types].sort((a, b) => y(a.at10Cents) - y(b.at10Cents)).forEach((t, i, all) => {
    const prev = i > 0 ? (labelY.get(all[i - 1]!.type) as number) : -Infinity;
    labelY.set(t.type, Math.max(y(t.at10Cents) + 2.5, prev + 9));
  });
  return (
    <Svg {...figure(`Cumulative cost of ownership by migration type over ${d.horizonYears} years: ${d.types.map((t) => `Type ${t.type} ${formatMoneyShort(t.at10Cents, currency)}`).join(", ")} at the end.`)} width={width} height={height}>
      {gridValues.map((v, i) => (
        <G key={i}>
          <Line x1={left} y1={y(v)} x2={width - right} y2={y(v)} stroke={C.ink100} strokeWidth={0.6} />
          <SvgText x={left - 4} y={y(v) + 2.5} size={6.5} fill={C.ink500} anchor="end">{formatMoneyShort(v, currency)}</SvgText>
        </G>
      ))}
      {Array.from({ length: d.horizonYears + 1 }, (_, i) => (
        <SvgText key={i} x={x(i)} y={height - 4} size={6.5} fill={C.ink500} anchor="middle">{i === 0 ? "Start" : `Yr ${i}`}</SvgText>
      ))}
      {d.breakEven.filter((b) => b.years !== null && b.years > 0).map((b) => (
        <Line key={b.type} x1={x(b.years as number)} y1={top} x2={x(b.years as number)} y2={height - bottom} stroke={TCO_PDF_COLORS[b.type]} strokeWidth={0.8} strokeDasharray="3 2" />
      ))}
      {d.types.map((t) => (
        <G key={t.type}>
          <Polyline points={t.cumulativeCents.map((c, i) => `${x(i)},${y(c)}`).join(" ")} stroke={TCO_PDF_COLORS[t.type]} strokeWidth={1.5} fill="none" />
          <SvgText x={width - right + 4} y={labelY.get(t.type) as number} size={7} fill={TCO_PDF_COLORS[t.type]} bold>{`Type ${t.type}`}</SvgText>
        </G>
      ))}
    </Svg>
  );
}

function CostBarsSvg({ r, width }: { r: ReportView; width: number }) {
  const lines = [...r.costs.lines].filter((l) => l.mean > 0).sort((a, b) => b.mean - a.mean);
  const labelW = 170;
  const valueW = 56;
  const rowH = 12.5;
  const max = Math.max(...lines.map((l) => l.p80 ?? l.mean), 1);
  const w = (v: number) => (v / max) * (width - labelW - valueW);
  return (
    <Svg {...figure(`Cost by line (mean): ${lines.map((l) => `${l.label} ${formatMoneyShort(l.mean, r.meta.currency)}`).join("; ")}.`)} width={width} height={lines.length * rowH + 4}>
      {lines.map((l, i) => {
        const y = i * rowH;
        const color = l.group === "labor" ? C.brand600 : l.group === "license" ? "#7a5af8" : C.amber;
        return (
          <G key={l.key}>
            <SvgText x={0} y={y + 9.5} size={7}>{l.label}</SvgText>
            <Rect x={labelW} y={y + 3} width={Math.max(1, w(l.mean))} height={rowH - 6} fill={color} />
            {l.p80 !== null ? <Line x1={labelW + w(l.p80)} y1={y + 2} x2={labelW + w(l.p80)} y2={y + rowH - 2} stroke={C.ink900} strokeWidth={0.8} /> : null}
            <SvgText x={width} y={y + 9.5} size={7} anchor="end" fill={C.ink900}>{formatMoneyShort(l.mean, r.meta.currency)}</SvgText>
          </G>
        );
      })}
    </Svg>
  );
}

function TornadoSvg({ drivers, width, format }: { drivers: ReportView["drivers"]["duration"]; width: number; format: (v: number) => string }) {
  if (drivers.length === 0) return <P style={s.small}>No driver moves this outcome.</P>;
  const labelW = 190;
  const valueW = 54;
  const rowH = 16;
  const lo = Math.min(...drivers.map((d) => d.low));
  const hi = Math.max(...drivers.map((d) => d.high));
  const span = hi - lo || 1;
  const x = (v: number) => labelW + valueW + ((v - lo) / span) * (width - labelW - 2 * valueW);
  return (
    <Svg {...figure(`Drivers, from the widest swing: ${drivers.map((d) => `${d.label} ${format(d.low)} to ${format(d.high)}`).join("; ")}.`)} width={width} height={drivers.length * rowH + 6} style={{ marginBottom: 6 }}>
      {drivers.map((d, i) => {
        const y = i * rowH;
        return (
          <G key={i}>
            <SvgText x={0} y={y + 10.5} size={7}>{d.label.length > 48 ? `${d.label.slice(0, 47)}…` : d.label}</SvgText>
            <SvgText x={x(d.low) - 3} y={y + 10.5} size={6.5} anchor="end" fill={C.ink600}>{format(d.low)}</SvgText>
            <Rect x={x(d.low)} y={y + 3} width={Math.max(1.5, x(d.high) - x(d.low))} height={rowH - 6} fill={d.kind === "risk" ? C.amber : C.brand600} />
            <SvgText x={x(d.high) + 3} y={y + 10.5} size={6.5} fill={C.ink600}>{format(d.high)}</SvgText>
          </G>
        );
      })}
    </Svg>
  );
}

function HeatGrid({ r, mode }: { r: ReportView; mode: "inherent" | "residual" }) {
  const m = r.risks.matrix;
  const model = buildHeatMap(m, r.risks.rated, mode);
  const cell = 26;
  return (
    <View>
      <P style={[s.small, s.bold, { marginBottom: 3 }]}>{mode === "inherent" ? "Inherent risk (before mitigation)" : "Residual risk (after mitigation)"}</P>
      {model.rows.map((row) => (
        <View key={row[0]!.likelihood} style={{ flexDirection: "row", alignItems: "center" }}>
          <P style={{ width: 58, fontSize: 6.5, color: C.ink600, textAlign: "right", paddingRight: 4 }}>{m.likelihoodLabels[row[0]!.likelihood - 1] ?? String(row[0]!.likelihood)}</P>
          {row.map((c) => (
            <View key={c.impact} style={{ width: cell, height: cell * 0.75, margin: 1, borderRadius: 2, backgroundColor: c.risks.length ? HEAT[c.severity].bg : C.ink50, justifyContent: "center", alignItems: "center" }}>
              <Text style={{ fontSize: 8, fontFamily: FONT_BOLD, color: c.risks.length ? HEAT[c.severity].fg : C.ink300 }}>{c.risks.length ? String(c.risks.length) : "·"}</Text>
            </View>
          ))}
        </View>
      ))}
      <View style={{ flexDirection: "row", marginLeft: 58 }}>
        {model.rows[0]!.map((c) => (
          <P key={c.impact} style={{ width: cell + 2, fontSize: 5.5, color: C.ink600, textAlign: "center" }}>{m.impactLabels[c.impact - 1] ?? String(c.impact)}</P>
        ))}
      </View>
      <P style={{ fontSize: 6.5, color: C.ink500, marginLeft: 58, marginTop: 2 }}>Rows: likelihood (highest at the top). Columns: impact.</P>
    </View>
  );
}

const moneyOrDash = (cents: number | null, cur: string) => (cents === null ? "—" : formatMoneyFull(cents, cur));
const overlapCell = (cents: number | null, months: number, cur: string) => (cents === null ? `${formatCount(months, 1)} months` : `${formatMoneyFull(cents, cur)} (${formatCount(months, 1)} mo)`);

// ---------- the document ----------
export function ReportPdfDocument({ r }: { r: ReportView }) {
  const cur = r.meta.currency;
  const size: "A4" | "LETTER" = cur === "USD" ? "LETTER" : "A4";
  const contentW = (size === "LETTER" ? 612 : 595) - 88;
  const h = r.headline;
  const c = r.commitment;
  const topFlags = r.flags.filter((f) => f.severity !== "info").slice(0, 4);
  const moreFlags = r.flags.length - topFlags.length;

  return (
    <Document {...({ tagged: true } as object)} pdfVersion="1.7" language="en-US" title={pdfText(`${r.meta.clientName} — priced timeline report`)} author={pdfText(r.meta.firmName)} subject={pdfText(r.meta.engagementName)} creator="Sounding" producer="Sounding">
      {/* ---------- cover summary ---------- */}
      <Page size={size} style={s.page}>
        <View style={{ flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 2, borderBottomColor: C.brand700, paddingBottom: 8 }}>
          <P style={s.eyebrow}>Priced timeline report</P>
          <P style={[s.small, s.bold]}>{r.meta.firmName}</P>
        </View>
        <P style={s.h1}>{r.meta.clientName}</P>
        <P style={{ fontSize: 12, color: C.ink700, marginTop: 2 }}>{r.meta.engagementName}</P>
        <P style={{ fontSize: 9, color: C.brand700, marginTop: 4, fontFamily: FONT_BOLD }}>{reportTitleLine(r)}</P>
        <P style={[s.para, { marginTop: 10, fontSize: 9, color: C.ink700 }]}>{r.scope}</P>

        <P style={s.h3}>The figure to commit to</P>
        <P style={[s.para, s.bold, { fontSize: 10 }]}>{c.recommendation}</P>
        <View style={[s.row, { gap: 8, marginTop: 4 }]}>
          <Kpi label="Final go-live · commit (P80)" value={formatReportDate(h.goLive.p80)} sub={`Expect (P50): ${formatReportDate(h.goLive.p50)}`} tone="brand" />
          <Kpi label="Total cost · commit (P80)" value={formatMoneyShort(h.cost.p80, cur)} sub={`Expect (P50): ${formatMoneyShort(h.cost.p50, cur)}`} tone="brand" />
          <Kpi label="Duration · commit (P80)" value={formatMonths(h.months.p80)} sub={`Expect (P50): ${formatMonths(h.months.p50)}`} />
        </View>
        <View style={[s.row, { gap: 8, marginTop: 8 }]}>
          <Kpi label="Completion · commit (P80)" value={formatReportDate(h.completion.p80)} sub={`Expect (P50): ${formatReportDate(h.completion.p50)}`} />
          <Kpi label="Contingency in the P80" value={formatMoneyShort(h.cost.contingency, cur)} sub={`Over the ${formatMoneyShort(h.cost.base, cur)} base plan (+${formatShare(h.cost.contingencyShareOfBase)}); already in the P80`} />
          {r.overlap.feesEntered ? (
            <Kpi label="License overlap (P50)" value={formatMoneyShort(h.overlap.p50, cur)} sub={`${formatShare(h.overlap.shareOfP50Cost)} of the P50 cost`} />
          ) : (
            <Kpi label="License overlap" value="Not entered" sub="No license fees are entered: not in these figures" />
          )}
        </View>
        <P style={[s.small, { marginTop: 6 }]}>
          {`Base plan (every estimate at its most likely, no risk event): go-live ${formatReportDate(c.basePlan.goLive)}, ${formatMonths(c.basePlan.months)}, ${formatMoneyShort(c.basePlan.costCents, cur)}: chance on time ${c.basePlan.completionChance.words}, on budget ${c.basePlan.costChance.words}.${c.targets.goLive ? ` Target go-live ${formatReportDate(c.targets.goLive.date)}: chance ${c.targets.goLive.words}.` : ""}${c.targets.budget ? ` Target budget ${formatMoneyShort(c.targets.budget.cents, cur)}: chance ${c.targets.budget.words}.` : ""}`}
        </P>
        <P style={[s.small, { marginTop: 4 }]}>
          {`P80: 4 in 5 simulated outcomes are at or below it — the figure to budget and commit to. P50: as likely to come in earlier or cheaper as later or dearer — the figure to plan the work to.`}
        </P>

        <P style={s.h3}>What needs attention</P>
        {topFlags.length ? <FlagList flags={topFlags} /> : <P style={s.small}>No honesty flags were raised on these inputs.</P>}
        {moreFlags > 0 ? <P style={s.small}>{`${plural(moreFlags, "further note")} on page 4.`}</P> : null}
        <P style={[s.small, { marginTop: 4 }]}>{r.confidence.summary}</P>

        <View style={{ marginTop: "auto", borderTopWidth: 0.5, borderTopColor: C.ink200, paddingTop: 6 }}>
          <P style={s.small}>{`As of ${formatReportDateTime(r.meta.asOf)} · estimate seed ${r.meta.seed} · ${formatCount(r.meta.iterations)} Monte Carlo iterations · engine ${r.meta.engineVersion}. Your consultants can reproduce every number from the engagement's data and this seed.`}</P>
          {r.meta.preparedBy.length ? <P style={[s.small, { marginTop: 2 }]}>{`Prepared by ${r.meta.preparedBy.join(", ")}, ${r.meta.firmName}.`}</P> : null}
        </View>
        <Footer r={r} />
      </Page>

      {/* ---------- timeline ---------- */}
      <SectionPage r={r} size={size} eyebrow="1 · Timeline" title="Phases, cutover waves and license overlap">
        <P style={[s.para, s.small]}>
          {`Solid bars: the base plan (no risk event; chance ${c.basePlan.completionChance.words}). Dashed outlines: the P80 scenario; dashed lines: P50 and P80 final go-live. Diamonds: wave go-lives. Phase 1 is bounded by ${r.timeline.phase1Bound}.`}
        </P>
        <GanttSvg r={r} width={contentW} />
        <P style={s.h3}>Phase durations</P>
        <Table
          cols={[{ title: "Phase", width: 34 }, { title: "Base-plan dates", width: 26 }, { title: "Base", width: 10, align: "right" }, { title: "P50", width: 10, align: "right" }, { title: "P80", width: 10, align: "right" }, { title: "Field min.", width: 10, align: "right" }]}
          rows={r.timeline.phases.map((p) => [p.label, `${formatReportDate(p.start)} – ${formatReportDate(p.end)}`, formatWeeks(p.baseWeeks), formatWeeks(p.p50Weeks), formatWeeks(p.p80Weeks), formatWeeks(p.fieldMinimumWeeks)])}
        />
        <P style={s.h3}>{r.meta.migrationType === "C" ? "User cohorts" : "Cutover waves"}</P>
        <Table
          cols={[{ title: "Wave", width: 28 }, { title: "Cohort", width: 36 }, { title: "Providers", width: 10, align: "right" }, { title: "Users", width: 8, align: "right" }, { title: "Base go-live", width: 18, align: "right" }]}
          rows={r.timeline.waves.map((w) => [w.name, w.cohort || "—", formatCount(w.providers), formatCount(w.users), formatReportDate(w.goLive)])}
        />
        <P style={[s.small, { marginTop: 4 }]}>{r.timeline.wavesBasis}</P>
        <P style={s.h3}>{r.overlap.feesEntered ? `License overlap: ${formatMoneyShort(h.overlap.p50, cur)} (P50)` : "License overlap: fees not entered"}</P>
        <P style={s.para}>{r.overlap.explanation}</P>
        <P style={s.para}>{`${r.overlap.rampDown} The destination bills from ${r.overlap.terms.billingStart}; the archive is kept ${formatCount(r.overlap.terms.archiveMonths)} months after decommission.${r.overlap.fees ? ` Fees: destination ${r.overlap.fees.destination}; source ${r.overlap.fees.source}; archive ${r.overlap.fees.archive}.` : ""}`}</P>
        <Table
          cols={[{ title: "Wave", width: 40 }, { title: "Destination before go-live", width: 30, align: "right" }, { title: "Source after go-live", width: 30, align: "right" }]}
          rows={r.overlap.perWave.map((w) => [w.wave, overlapCell(w.destinationCents, w.destinationMonths, cur), overlapCell(w.sourceCents, w.sourceMonths, cur)])}
        />
      </SectionPage>

      {/* ---------- costs ---------- */}
      <SectionPage r={r} size={size} eyebrow="2 · Cost" title="Where the money goes">
        <P style={[s.para, s.small]}>{"Bars: expected cost (mean of the simulation) per line; tick: the line's P80."}</P>
        <CostBarsSvg r={r} width={contentW} />
        <P style={s.h3}>Cost lines</P>
        <Table
          cols={[{ title: "Line", width: 40 }, { title: "Base plan", width: 15, align: "right" }, { title: "Expected", width: 15, align: "right" }, { title: "P50", width: 15, align: "right" }, { title: "P80", width: 15, align: "right" }]}
          rows={r.costs.lines.map((l) => [l.label, formatMoneyFull(l.base, cur), formatMoneyFull(l.mean, cur), moneyOrDash(l.p50, cur), moneyOrDash(l.p80, cur)])}
          total={["Total", formatMoneyFull(r.costs.total.base, cur), formatMoneyFull(r.costs.total.mean, cur), formatMoneyFull(r.costs.total.p50, cur), formatMoneyFull(r.costs.total.p80, cur)]}
        />
        <P style={[s.small, { marginTop: 3 }]}>{`Percentiles of the lines do not add up to the percentile of the total (they come from different simulated outcomes); the base plan and the expected cost do.${r.meta.canSeeRates ? "" : " Labor rates and license fees are not shown in this view, so labor is one line."}`}</P>
        <P style={s.h3}>Cost by phase (base plan and expected)</P>
        <Table
          cols={[{ title: "Phase", width: 60 }, { title: "Base plan", width: 20, align: "right" }, { title: "Expected", width: 20, align: "right" }]}
          rows={r.costs.byPhase.map((b) => [b.label, formatMoneyFull(b.base, cur), formatMoneyFull(b.mean, cur)])}
        />
        {r.meta.canSeeRates ? null : <P style={[s.small, { marginTop: 3 }]}>The cost after decommission (source contract tail and archive fees) is part of the license overlap and not shown by phase in this view.</P>}
      </SectionPage>

      {/* ---------- drivers ---------- */}
      <SectionPage r={r} size={size} eyebrow="2 · Cost and schedule" title="What moves the numbers most (drivers)">
        <P style={[s.para, s.small]}>{"Mean outcome when a driver is at its low end (at or below its P10, or the risk does not occur) and at its high end (at or above its P90, or the risk occurs), against the overall mean; the largest swing first. Narrowing the top drivers narrows the gap between P50 and P80."}</P>
        <P style={s.h3}>Duration</P>
        <TornadoSvg drivers={r.drivers.duration} width={contentW} format={formatMonths} />
        <Table cols={[{ title: "Duration driver", width: 60 }, { title: "Low end", width: 20, align: "right" }, { title: "High end", width: 20, align: "right" }]} rows={r.drivers.duration.map((d) => [d.label, formatMonths(d.low), formatMonths(d.high)])} />
        <P style={s.h3}>Cost</P>
        <TornadoSvg drivers={r.drivers.cost} width={contentW} format={(v) => formatMoneyShort(v, cur)} />
        <Table cols={[{ title: "Cost driver", width: 60 }, { title: "Low end", width: 20, align: "right" }, { title: "High end", width: 20, align: "right" }]} rows={r.drivers.cost.map((d) => [d.label, formatMoneyShort(d.low, cur), formatMoneyShort(d.high, cur)])} />
      </SectionPage>

      {/* ---------- risks ---------- */}
      <SectionPage r={r} size={size} eyebrow="3 · Risk" title="Top risks and honesty flags">
        <P style={[s.para, s.small]}>
          {`${plural(r.risks.openCount, "open risk")}${r.risks.closedCount ? ` (${formatCount(r.risks.closedCount)} closed)` : ""}${r.risks.usedDefaultLibrary ? "; the register is empty, so the estimate assumes the default risk library for this migration type" : ""}. Expected impact = probability × impact, averaged over the simulation (cost includes the team's burn for the weeks a risk adds).`}
        </P>
        <Table
          cols={[{ title: "Risk", width: 27 }, { title: "Prob.", width: 8, align: "right" }, { title: "Expected impact", width: 15, align: "right" }, { title: "Owner", width: 15 }, { title: "Mitigation", width: 35 }]}
          rows={r.risks.top.map((t) => [t.title, formatShare(t.probability), `${formatMoneyShort(t.expectedCostCents, cur)} · ${formatWeeks(t.expectedWeeks)}`, t.owner || "No owner", t.mitigation || (t.treatment === "accept" ? "Accepted" : "No mitigation recorded")])}
        />
        {r.risks.rated.length ? (
          <View style={[s.row, { gap: 24, marginTop: 12 }]} wrap={false}>
            <HeatGrid r={r} mode="inherent" />
            <HeatGrid r={r} mode="residual" />
          </View>
        ) : null}
        <View style={[s.row, { gap: 10, marginTop: 6 }]}>
          {(Object.keys(SEVERITY_LABELS) as SeverityBand[]).map((b) => (
            <View key={b} style={[s.row, { alignItems: "center", gap: 3 }]}>
              <View style={{ width: 7, height: 7, backgroundColor: HEAT[b].bg }} />
              <P style={{ fontSize: 6.5, color: C.ink600 }}>{SEVERITY_LABELS[b]}</P>
            </View>
          ))}
        </View>
        <P style={s.h3}>Honesty flags</P>
        {r.flags.length ? <FlagList flags={r.flags} /> : <P style={s.small}>No honesty flags were raised on these inputs.</P>}
        <P style={s.h3}>{`Input confidence: ${r.confidence.score} of 100 (${r.confidence.level})`}</P>
        <P style={s.para}>{r.confidence.summary}</P>
        <Table cols={[{ title: "What is known", width: 58 }, { title: "Known", width: 12, align: "right" }, { title: "Detail", width: 30 }]} rows={r.confidence.components.map((c) => [c.label, formatShare(c.value), c.detail])} />
      </SectionPage>

      {/* ---------- assumptions & inventory ---------- */}
      <SectionPage r={r} size={size} eyebrow="4 · Basis" title="Key assumptions and inventory">
        <P style={s.h3}>Team and plan</P>
        <Table
          cols={[{ title: "Assumption", width: 55 }, { title: "Value", width: 45 }]}
          rows={[
            ["Migration team", `${formatCount(r.assumptions.teamFte, 1)} FTE · ${formatCount(r.assumptions.productiveHoursPerWeek, 1)} productive hours per week`],
            ["Interface engineers", formatCount(r.assumptions.interfaceEngineers)],
            ["Planned start", formatReportDate(r.meta.plannedStart)],
            ["Cutover", `${plural(r.timeline.waves.length, r.meta.migrationType === "C" ? "cohort" : "wave")}${r.timeline.wavesDerived ? " (derived)" : ""}`],
            ...(r.assumptions.buildFunctionPoints !== null ? [["Custom build size", `${formatCount(r.assumptions.buildFunctionPoints)} function points`]] : []),
            ...(r.assumptions.targetGoLive ? [["Target go-live", formatReportDate(r.assumptions.targetGoLive)]] : []),
            ...(r.assumptions.targetBudgetCents !== null ? [["Target budget", formatMoneyFull(r.assumptions.targetBudgetCents, cur)]] : []),
            ["Destination billing starts at", r.overlap.terms.billingStart],
            ["Source notice / contract tail", `${plural(r.overlap.terms.noticeMonths, "month")} / ${plural(r.overlap.terms.tailMonths, "month")}${r.overlap.terms.rampsDownPerWave ? " · ramps down per wave" : " · no ramp-down per wave"}`],
            ...(r.overlap.fees ? [["Destination fee", r.overlap.fees.destination], ["Source fee", r.overlap.fees.source], ["Archive fee", `${r.overlap.fees.archive} for ${formatCount(r.overlap.terms.archiveMonths)} months`]] : []),
          ]}
        />
        {r.assumptions.rates ? (
          <>
            <P style={s.h3}>Labor rates</P>
            <Table cols={[{ title: "Workstream", width: 60 }, { title: "Rate per hour", width: 20, align: "right" }, { title: "Source", width: 20, align: "right" }]} rows={r.assumptions.rates.map((x) => [x.label, formatRate(x.rateCents, cur), x.isDefault ? "default" : "engagement"])} />
          </>
        ) : null}
        {r.assumptions.overriddenConstants.length ? <P style={[s.small, { marginTop: 4 }]}>{`Model constants changed from their defaults: ${r.assumptions.overriddenConstants.map((c) => c.text).join("; ")}.`}</P> : null}

        <P style={s.h3}>Workflow sign-off</P>
        <P style={s.para}>{signOffText(r.signOff)}</P>

        <P style={s.h3}>Inventory summary</P>
        <Table
          cols={[{ title: "Inventory", width: 22 }, { title: "Rows", width: 8, align: "right" }, { title: "Known", width: 32 }, { title: "Still unknown", width: 38 }]}
          rows={r.inventory.rows.map((x) => [x.label, formatCount(x.count), inventoryKnownText(x), x.unknowns.join("; ") || (x.count ? "Nothing" : "Inventory is empty")])}
        />
        <P style={[s.small, { marginTop: 4 }]}>{`Audit trail: ${r.inventory.auditPolicy}.`}</P>

        <P style={s.h3}>Compared with the baseline</P>
        {r.baseline ? (
          <>
            <P style={s.para}>{baselineIntro(r.baseline)}</P>
            <Table cols={[{ title: "Measure", width: 34 }, { title: "Baseline", width: 22, align: "right" }, { title: "Now", width: 22, align: "right" }, { title: "Change", width: 22, align: "right" }]} rows={r.baseline.metrics.map((m) => baselineMetricText(m, cur))} />
            <P style={[s.small, { marginTop: 4 }]}>{r.baseline.inputChanges.length ? `What changed in the inputs: ${r.baseline.inputChanges.join("; ")}.` : "The inputs are unchanged since the baseline."}</P>
            {r.baseline.flagChanges.length ? <P style={[s.small, { marginTop: 2 }]}>{`Flags: ${r.baseline.flagChanges.join(" ")}`}</P> : null}
          </>
        ) : (
          <P style={s.para}>No baseline has been saved for this engagement yet.</P>
        )}
      </SectionPage>

      {/* ---------- cutover capacity ---------- */}
      <SectionPage r={r} size={size} eyebrow="5 · Cutover capacity" title="Go-live tracks, blackouts and team lanes">
        <P style={s.para}>
          {`${r.cutover.tracks === 1 ? "One go-live track: the waves go live one after another" : `${r.cutover.tracks} concurrent go-live tracks`}, with at least ${formatWeeks(r.cutover.gapWeeks)} of stabilisation between two go-lives on the same track. ${r.cutover.tracksBasis} ${
            r.cutover.tracks > 1 && r.cutover.sequentialCutoverWeeks - r.cutover.cutoverWeeks > 0.05
              ? `The cutover takes ${formatWeeks(r.cutover.cutoverWeeks)} in the base plan; one wave after another it would take ${formatWeeks(r.cutover.sequentialCutoverWeeks)}.`
              : `The cutover takes ${formatWeeks(r.cutover.cutoverWeeks)} in the base plan.`
          }`}
        </P>
        <TracksSvg r={r} width={contentW} />
        <P style={[s.small, { marginTop: 3 }]}>One row per track: bars are waves from preparation to the end of stabilisation, diamonds their go-lives (amber when a blackout moved them); shaded: blackout windows.</P>
        <P style={s.h3}>Waves on their tracks</P>
        <Table
          cols={[{ title: r.meta.migrationType === "C" ? "Cohort" : "Wave", width: 24 }, { title: "Track", width: 8, align: "right" }, { title: "Starts", width: 14, align: "right" }, { title: "Go-live", width: 14, align: "right" }, { title: "Stable by", width: 14, align: "right" }, { title: "Note", width: 26 }]}
          rows={r.cutover.waves.map(cutoverWaveRow)}
        />
        <P style={s.h3}>Blackout windows</P>
        <P style={s.para}>
          {`${r.cutover.blackouts.length ? r.cutover.blackouts.map((b) => `${b.label}: ${formatReportDate(b.start)} – ${formatReportDate(b.end)}`).join("; ") + "." : "No blackout window falls in the plan."} ${
            r.cutover.moved.length ? r.cutover.moved.map((m) => `${m.wave} goes live ${formatReportDate(m.goLive)}, ${formatWeeks(m.weeks)} later than its track allowed, out of "${m.reason}".`).join(" ") : "No go-live falls in a blackout window."
          }${r.cutover.build ? ` Incremental build: Phase 1 builds ${formatShare(r.cutover.build.phase1Share)} of the function points; all of it is built by ${formatReportDate(r.cutover.build.doneDate)}.` : ""}`}
        </P>
        <P style={s.h3}>{`Team lanes (binding: ${r.lanes.bindingLabel})`}</P>
        <Table
          cols={[{ title: "Lane", width: 40 }, { title: "People", width: 10, align: "right" }, { title: "Phase 1 needs", width: 15, align: "right" }, { title: "How it was set", width: 35 }]}
          rows={r.lanes.rows.map((x) => [x.binding ? `${x.label} (binding)` : x.label, x.fte === null ? "—" : formatCount(x.fte, 1), formatWeeks(x.weeks), x.basis])}
        />
        <P style={[s.para, { marginTop: 4 }]}>
          {`${r.lanes.oneMorePerson.applies ? `What one more person in the binding lane saves: ${r.lanes.oneMorePerson.weeksSaved > 0.05 ? formatWeeks(r.lanes.oneMorePerson.weeksSaved) : "no time"}; cost ${r.lanes.oneMorePerson.costDeltaCents === 0 ? "unchanged" : `${r.lanes.oneMorePerson.costDeltaCents < 0 ? "lower by" : "higher by"} ${formatMoneyFull(Math.abs(r.lanes.oneMorePerson.costDeltaCents), cur)}`} (base plan). ` : ""}${r.lanes.oneMorePerson.explanation}`}
        </P>
      </SectionPage>

      {/* ---------- type decision ---------- */}
      <SectionPage r={r} size={size} eyebrow="6 · Type decision" title="Which type should this client choose?">
        {r.typeDecision === null ? (
          <P style={s.para}>No migration type could be estimated for this engagement, so there is no cost of ownership to compare.</P>
        ) : (
          <>
            <P style={s.para}>{r.typeDecision.summary}</P>
            {r.typeDecision.redacted ? (
              <P style={s.para}>{r.typeDecision.breakEven.map((b) => b.words).join(" ")}</P>
            ) : (
              <>
                <P style={s.h3}>{`Cumulative cost of ownership over ${r.typeDecision.horizonYears} years`}</P>
                <TcoSvg d={r.typeDecision} width={contentW} currency={cur} />
                <P style={[s.small, { marginTop: 3, marginBottom: 6 }]}>Each type&apos;s migration (P50 of its estimate) spread until it completes, then its running cost every year after its final go-live; dashed: break-even with Type A.</P>
                <Table
                  cols={[{ title: "Type", width: 28 }, { title: "One-time", width: 13, align: "right" }, { title: "Per year", width: 13, align: "right" }, { title: "5 years", width: 13, align: "right" }, { title: "10 years", width: 13, align: "right" }, { title: "Break-even with A", width: 20 }]}
                  rows={r.typeDecision.types.map((t) => {
                    const d = r.typeDecision as TypeDecision;
                    const be = d.breakEven.find((b) => b.type === t.type);
                    return [t.name, formatMoneyFull(t.oneTimeCents, cur), formatMoneyFull(t.runPerYearCents, cur), formatMoneyFull(t.at5Cents, cur), formatMoneyFull(t.at10Cents, cur), t.type === "A" || !be ? "—" : be.year === null ? `Not within ${d.horizonYears} years` : be.year === 0 ? "Never costs more" : `Year ${be.year}`];
                  })}
                />
              </>
            )}
          </>
        )}
        {r.fitChecklist ? (
          <>
            <P style={s.h3}>The four fit criteria for a custom replacement</P>
            <P style={s.para}>{r.fitChecklist.summary}</P>
            <Table cols={[{ title: "Criterion", width: 35 }, { title: "Answer", width: 15 }, { title: "Why", width: 50 }]} rows={r.fitChecklist.criteria.map((c) => [c.label, c.answer, c.note || "—"])} />
          </>
        ) : null}
      </SectionPage>

      {/* ---------- appendix: validation plan ---------- */}
      {r.validationPlan ? (
        <SectionPage r={r} size={size} eyebrow="Appendix" title="Validation plan">
          <P style={s.para}>{`How the converted data will be proven right: the reconciliation checks per entity, the golden patients checked by hand (chosen to cover every quirk found) and the mock conversion rounds with their acceptance thresholds.${r.validationPlan.edited ? " Edited by the consultants from the generated plan." : " As generated from the data inventory and the profiled extracts."}`}</P>
          <P style={s.h3}>Reconciliation checks</P>
          <Table cols={[{ title: "Entity", width: 22 }, { title: "Check", width: 30 }, { title: "Acceptance", width: 48 }]} rows={r.validationPlan.checks.map((c) => [c.sourceObject, c.check, c.acceptance])} />
          <PlanNote text={planRowsNote(r.validationPlan.checks.length, r.validationPlan.checksTotal, "reconciliation checks")} />
          <P style={s.h3}>Golden patients</P>
          <Table cols={[{ title: "Entity", width: 22 }, { title: "Patients", width: 12, align: "right" }, { title: "Covers", width: 33 }, { title: "Notes", width: 33 }]} rows={r.validationPlan.goldenSets.map((g) => [g.sourceObject, formatCount(g.size), g.covers, g.notes || "—"])} />
          <PlanNote text={planRowsNote(r.validationPlan.goldenSets.length, r.validationPlan.goldenSetsTotal, "golden-patient sets")} />
          <P style={s.h3}>Mock conversion rounds</P>
          <Table cols={[{ title: "Round", width: 25 }, { title: "Acceptance thresholds", width: 75 }]} rows={r.validationPlan.rounds.map((x) => [x.name, x.acceptance])} />
        </SectionPage>
      ) : null}
    </Document>
  );
}

export function renderReportPdf(r: ReportView): Promise<Buffer> {
  return renderToBuffer(<ReportPdfDocument r={r} />);
}
