// What a page says when the estimate of an engagement's inputs could not be computed (the engine refused an
// input, or the run went over its time budget): the reason in the engine's own words, what kind of failure it
// is, and which inputs to check, each with the page where it is edited. Pure and client-safe.

export type EstimateFailureKind = "budget" | "input" | "other";

export type EstimateFailureView = {
  kind: EstimateFailureKind;
  /** the engine's sentence, e.g. "the estimate ran out of its time budget (20000 ms) after …" */
  reason: string;
  /** what to do, in order */
  advice: string;
  /** where to check, most likely first */
  checks: { label: string; href: string }[];
};

const BUDGET = /time budget|longer than its budget|was stopped/i;
/**
 * "dataEntities.3.recordCount is not a finite number…" (lib/estimate/guard.ts), "assumptions.constants.x is not
 * usable: …" (a stored part the contract refuses, lib/engagement-format/data.ts): the document section.
 */
const INPUT_AT = /^([a-zA-Z]+)[\w.]* is not (?:a finite number|usable)|not finite at ([a-zA-Z]+)/;
const HORIZON = /beyond the \d+ years the engine models/;

/** The page of the engagement where the inputs under a document path are edited. */
function pageOf(section: string | undefined, engagementId: string): { label: string; href: string } | null {
  const base = `/engagements/${engagementId}`;
  switch (section) {
    case "dataEntities":
      return { label: "Data inventory", href: `${base}/data` };
    case "workflows":
      return { label: "Workflows", href: `${base}/workflows` };
    case "integrations":
      return { label: "Integrations", href: `${base}/integrations` };
    case "reports":
      return { label: "Reports", href: `${base}/reports` };
    case "risks":
      return { label: "Risk register", href: `${base}/risks` };
    case "auditTrail":
      return { label: "Audit-trail policy", href: `${base}/audit-trail` };
    case "assumptions":
      return { label: "Assumptions", href: `${base}/assumptions` };
    case "riskMatrix":
      return { label: "Risk matrix", href: `${base}/risks/matrix` };
    case "engagement":
      return { label: "Engagement details", href: `${base}/settings` };
    default:
      return null;
  }
}

/** Strips the wrapper EstimateFailedError adds ("This estimate could not be computed: …"). */
function engineReason(message: string): string {
  const m = /^This estimate could not be computed:\s*(.*)$/s.exec(message.trim());
  const reason = (m ? m[1]! : message).trim() || "unknown error";
  return reason.length > 600 ? `${reason.slice(0, 600)}…` : reason;
}

export function describeEstimateFailure(message: string, engagementId: string): EstimateFailureView {
  const reason = engineReason(message);
  const base = `/engagements/${engagementId}`;
  const inventories = [
    { label: "Workflows", href: `${base}/workflows` },
    { label: "Data inventory", href: `${base}/data` },
    { label: "Assumptions", href: `${base}/assumptions` },
  ];
  if (BUDGET.test(reason)) {
    return {
      kind: "budget",
      reason,
      advice:
        "The simulation took longer than the time one estimate may take on this server. Check the inventories for duplicated or oversized rows (a workflow quantity or a record count with too many zeros) and the team and wave assumptions; then try again. If the engagement really is this large, your administrator can raise ESTIMATE_BUDGET_MS.",
      checks: inventories,
    };
  }
  if (HORIZON.test(reason)) {
    return {
      kind: "input",
      reason,
      advice: "The plan these inputs describe is longer than the engine models. Usually the team is far too small for the inventories, or an inventory count has too many zeros: check the team size in the assumptions and the largest counts.",
      checks: [{ label: "Assumptions", href: `${base}/assumptions` }, ...inventories.filter((c) => c.label !== "Assumptions")],
    };
  }
  const at = INPUT_AT.exec(reason);
  const section = at ? (at[1] ?? at[2]) : undefined;
  const page = pageOf(section, engagementId);
  if (page) {
    return {
      kind: "input",
      reason,
      advice: `An input the estimate needs is not usable. Correct it on the ${page.label} page, then come back: the estimate is recomputed when the inputs change.`,
      checks: [page, ...inventories.filter((c) => c.href !== page.href)],
    };
  }
  return {
    kind: "other",
    reason,
    advice: "Check the assumptions and the inventories the estimate is computed from, then try again. If it fails again with the same inputs, report the reason above: the inputs are kept as they are.",
    checks: [{ label: "Assumptions", href: `${base}/assumptions` }, ...inventories.filter((c) => c.label !== "Assumptions")],
  };
}
