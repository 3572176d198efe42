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
