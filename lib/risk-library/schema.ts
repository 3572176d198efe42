// The risk library (built-in entries from lib/estimate plus the firm's own): action inputs, DTOs,
// level rescaling and plain-words descriptions (client + server).
import { z } from "zod";
import { MIGRATION_TYPES, type MigrationType, type Risk, type CostImpact, type ThreePoint } from "@/lib/engagement-format/schema";

export const LIBRARY_SOURCES = ["built_in", "firm"] as const;
export type LibrarySource = (typeof LIBRARY_SOURCES)[number];
export const LIBRARY_SOURCE_LABELS: Record<LibrarySource, string> = { built_in: "Built-in", firm: "Your firm" };

/**
 * INVARIANT: library entries (built-in and firm) rate likelihood and impact on the standard 5-level
 * scale. Saving a risk from an engagement with another matrix size rescales to 5; adding an entry to
 * an engagement rescales to that engagement's size. Probabilities and impacts are never rescaled.
 */
export const LIBRARY_SCALE = 5;

/** Map a level from one matrix size to another, keeping its relative position (1 → 1, top → top). */
export function rescaleLevel(level: number, fromSize: number, toSize: number): number {
  if (fromSize === toSize) return level;
  const scaled = Math.round(((level - 1) * (toSize - 1)) / (fromSize - 1)) + 1;
  return Math.min(toSize, Math.max(1, scaled));
}

export function rescaleRisk<T extends Pick<Risk, "likelihood" | "impact" | "residualLikelihood" | "residualImpact">>(risk: T, fromSize: number, toSize: number): T {
  const r = (v: number) => rescaleLevel(v, fromSize, toSize);
  return {
    ...risk,
    likelihood: r(risk.likelihood),
    impact: r(risk.impact),
    residualLikelihood: risk.residualLikelihood === null ? null : r(risk.residualLikelihood),
    residualImpact: risk.residualImpact === null ? null : r(risk.residualImpact),
  };
}

/** A firm entry's key: derived from its title, so the same title cannot be saved twice. */
export function firmEntryKey(title: string): string {
  const slug = title.trim().toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "");
  return `firm.${slug.slice(0, 90) || "risk"}`;
}

// ---------- action inputs ----------
const id = z.string().min(1).max(64);

export const AddFromLibrarySchema = z.strictObject({
  engagementId: id,
  source: z.enum(LIBRARY_SOURCES),
  key: z.string().min(1).max(100),
});

export const AddSuggestedSchema = z.strictObject({
  engagementId: id,
  migrationType: z.enum(MIGRATION_TYPES),
});

export const SaveToFirmLibrarySchema = z.strictObject({
  engagementId: id,
  riskId: id,
  appliesTo: z.array(z.enum(MIGRATION_TYPES)).min(1, "Choose at least one migration type").max(3),
});

export const DeleteFirmEntrySchema = z.strictObject({
  engagementId: id,
  key: z.string().min(1).max(100),
});

export const LibraryFilterSchema = z.object({
  show: z.enum(["suggested", "all"]).catch("suggested").default("suggested"),
});

// ---------- DTOs ----------
export type LibraryEntryDto = {
  source: LibrarySource;
  key: string;
  appliesTo: MigrationType[];
  /** the parsed risk, levels already rescaled to the engagement's matrix */
  risk: Risk;
  createdAt: string | null;
  createdByName: string | null;
  canDelete: boolean;
  /** the register's risk that came from this entry or has its title, if any */
  inRegister: { riskId: string; title: string } | null;
};

export type RegisterRiskOption = { id: string; title: string; libraryKey: string | null; isInFirmLibrary: boolean };

// ---------- plain words ----------
export function formatPercent(share: number): string {
  const pct = share * 100;
  return `${Number.isInteger(Math.round(pct * 10) / 10) ? Math.round(pct) : (Math.round(pct * 10) / 10).toFixed(1)}%`;
}

export function formatMoneyCentsPlain(cents: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(cents / 100);
}

const PHASE_NAMES: Record<Risk["phase"], string> = {
  P0: "Phase 0 (scoping)",
  P1: "Phase 1 (foundation)",
  P2: "Phase 2 (pilot)",
  P3: "Phase 3 (cutover)",
  P4: "Phase 4 (decommission)",
};

const WORKSTREAM_NAMES: Record<Extract<CostImpact, { kind: "effort_share" }>["workstream"], string> = {
  data_migration: "data-migration",
  workflow: "workflow",
  integrations: "integration",
  reports: "reporting",
  audit_trail: "audit-trail",
  build: "build",
  testing: "testing",
  training: "training and go-live",
  project_management: "project-management",
};

const SCOPE_SUFFIX: Record<Risk["scope"], string> = { once: "", per_interface: " for each interface", per_wave: " for each cutover wave" };

const range = (t: ThreePoint, f: (n: number) => string) =>
  t.min === t.max ? f(t.likely) : `${f(t.min)}–${f(t.max)}, most likely ${f(t.likely)}`;

export function describeProbability(risk: Pick<Risk, "probability" | "scope" | "likelihood">, likelihoodLabels: readonly string[], likelihoodProbabilities: readonly number[]): string {
  if (risk.probability !== null) return `${formatPercent(risk.probability)} chance${SCOPE_SUFFIX[risk.scope]}`;
  const label = likelihoodLabels[risk.likelihood - 1] ?? `level ${risk.likelihood}`;
  const p = likelihoodProbabilities[risk.likelihood - 1];
  return `${label}${p !== undefined ? ` (${formatPercent(p)} chance from the matrix)` : ""}${SCOPE_SUFFIX[risk.scope]}`;
}

export function describeSchedule(risk: Pick<Risk, "scheduleImpactWeeks" | "phase">): string {
  const w = risk.scheduleImpactWeeks;
  if (!w) return "No schedule impact";
  const weeks = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)}`;
  const text = w.min === w.max ? `${weeks(w.likely)} weeks` : `${weeks(w.min)}–${weeks(w.max)} weeks, most likely ${weeks(w.likely)}`;
  return `Adds ${text} to ${PHASE_NAMES[risk.phase]}`;
}

export function describeCost(risk: Pick<Risk, "costImpact">, currency = "USD"): string {
  const c = risk.costImpact;
  if (!c) return "No direct cost impact";
  if (c.kind === "amount") return `Costs ${range(c, (n) => formatMoneyCentsPlain(n, currency))}`;
  return `Adds ${range(c, formatPercent)} to ${WORKSTREAM_NAMES[c.workstream]} effort`;
}

export function levelName(labels: readonly string[], level: number): string {
  return labels[level - 1] ?? `Level ${level}`;
}
