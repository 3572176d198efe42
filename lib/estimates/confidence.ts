// Input confidence in words, one rule for every page (estimate, overview, report, PDF, portfolio): the
// engine's score (0..100) gives High (≥ 80), Moderate (≥ 60) or Low; and the level is never "High" while
// the workflow inventory is not signed off by a clinical lead (or has changed since its sign-off) —
// unsigned workflows are the inputs most likely to move a migration estimate. Pure (client + server).

export type ConfidenceLevel = "High" | "Moderate" | "Low";

/** What the level needs to know about the workflow sign-off (null: not known on this page). */
export type SignOffState = { signedOff: boolean; changedSinceSignOff: number } | null;

export type ConfidenceReading = { score: number; level: ConfidenceLevel; capped: boolean; reason: string | null };

export function readConfidence(score: number, signOff: SignOffState): ConfidenceReading {
  const byScore: ConfidenceLevel = score >= 80 ? "High" : score >= 60 ? "Moderate" : "Low";
  if (byScore === "High" && signOff && (!signOff.signedOff || signOff.changedSinceSignOff > 0)) {
    return {
      score,
      level: "Moderate",
      capped: true,
      reason: signOff.signedOff ? "the workflow inventory has changed since its clinical sign-off" : "the workflow inventory is not signed off by a clinical lead yet",
    };
  }
  return { score, level: byScore, capped: false, reason: null };
}

/** The sign-off state from a workflow sign-off summary (lib/workflow-review). */
export function signOffState(s: { lastSignOff: unknown | null; changedSinceSignOff: number }): SignOffState {
  return { signedOff: s.lastSignOff !== null, changedSinceSignOff: s.changedSinceSignOff };
}

/**
 * Which inventory each input-confidence component measures, and its short name in an inventory summary.
 * The report's inventory summary shows these same shares (not a second completeness measure), so an
 * inventory reads the same in the summary and in the input-confidence breakdown.
 */
export const CONFIDENCE_COMPONENT_INVENTORY: Readonly<Record<string, { inventory: "data" | "workflows" | "integrations" | "reports" | "risks" | "auditTrail"; short: string }>> = {
  data_counts: { inventory: "data", short: "record count known" },
  data_decisions: { inventory: "data", short: "migrate and cleanup decided" },
  workflows_reviewed: { inventory: "workflows", short: "reviewed with a disposition (by quantity)" },
  integrations_planned: { inventory: "integrations", short: "transition strategy set" },
  reports_planned: { inventory: "reports", short: "consumers and plan recorded" },
  risks_assessed: { inventory: "risks", short: "owner and quantified impact" },
  audit_policy: { inventory: "auditTrail", short: "policy decided" },
};

export type KnownMeasure = { key: string; label: string; known: number; total: number; share: number };

/** The input-confidence components of one inventory, as measures for its summary row. */
export function knownMeasures(components: readonly { key: string; known: number; total: number; value: number }[], inventory: string): KnownMeasure[] {
  return components
    .filter((c) => CONFIDENCE_COMPONENT_INVENTORY[c.key]?.inventory === inventory)
    .map((c) => ({ key: c.key, label: CONFIDENCE_COMPONENT_INVENTORY[c.key]!.short, known: c.known, total: c.total, share: c.value }));
}
