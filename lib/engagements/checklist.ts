// From an empty engagement to a quotable estimate: what the estimate cannot guess, as a checklist on the
// overview. Pure (client + server): it reads the engagement's stored assumptions (overrides only, as saved),
// the inventory completeness counts and the workflow sign-off summary — the same numbers the overview's
// inventory cards show — so a step is "done" exactly when the page it links to says so.
import type { InventoryCompleteness } from "@/lib/report/model";
import { LicenseTermsSchema } from "@/lib/engagement-format/schema";

export type ChecklistStep = {
  key: "profile" | "license" | "waves" | "team" | "audit" | "data" | "workflows" | "signoff" | "integrations" | "reports" | "risks";
  label: string;
  done: boolean;
  /** what is missing, or what was entered */
  detail: string;
  /** the page (and field) where it is done, relative to /engagements/<id> */
  path: string;
};

export type ChecklistInput = {
  profile: { providers: number; locations: number };
  /** the stored assumptions JSON (overrides only; may be partial or empty) */
  assumptions: unknown;
  completeness: InventoryCompleteness;
  signOff: { signedOff: boolean; changedSinceSignOff: number };
};

type Raw = { teamFte?: unknown; waves?: unknown; license?: { sourceFeeCents?: unknown; destinationFeeCents?: unknown; archiveFeeCentsPerMonth?: unknown; sourceFeeBasis?: unknown; destinationFeeBasis?: unknown } };

const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const s = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString("en-US")} ${k === 1 ? one : many}`;
const BASIS_WORDS: Record<string, string> = { per_provider_month: "per provider per month", per_user_month: "per user per month", flat_month: "flat per month" };

export function quotableChecklist(input: ChecklistInput): { steps: ChecklistStep[]; done: number; total: number; quotable: boolean } {
  const a = (input.assumptions && typeof input.assumptions === "object" ? input.assumptions : {}) as Raw;
  // the stored license in either form (several sources, or the old single-source fields), read by the contract
  const parsedLicense = LicenseTermsSchema.safeParse(a.license && typeof a.license === "object" ? a.license : {});
  const L = parsedLicense.success ? parsedLicense.data : LicenseTermsSchema.parse({});
  const lic = { destinationFeeBasis: L.destinationFeeBasis, sourceFeeBasis: [...new Set(L.sources.filter((x) => n(x.feeCents) > 0).map((x) => x.feeBasis))].join(" / ") || undefined };
  const fees = [n(L.destinationFeeCents), L.sources.reduce((m, x) => Math.max(m, n(x.feeCents)), 0), n(L.archiveFeeCentsPerMonth)];
  const waves = Array.isArray(a.waves) ? a.waves.length : 0;
  const c = input.completeness;
  const policy = c.auditTrail.policy;
  const steps: ChecklistStep[] = [
    {
      key: "profile",
      label: "Organization profile",
      done: input.profile.providers > 0 && input.profile.locations > 0,
      detail: input.profile.providers > 0 && input.profile.locations > 0 ? `${s(input.profile.providers, "provider")} at ${s(input.profile.locations, "location")}` : "Providers and locations drive every size-based number",
      path: "/settings",
    },
    {
      key: "license",
      label: "License fees and their basis",
      done: fees[0]! > 0 || fees[1]! > 0,
      detail:
        fees[0]! > 0 || fees[1]! > 0
          ? `Destination ${BASIS_WORDS[String(lic.destinationFeeBasis ?? "per_provider_month")] ?? "per provider per month"}, source ${lic.sourceFeeBasis ? lic.sourceFeeBasis.split(" / ").map((b) => BASIS_WORDS[b] ?? b).join(" / ") : "not entered"}`
          : "Not entered: the license overlap (paying two systems at once) is left out of the cost",
      path: "/assumptions#license",
    },
    {
      key: "waves",
      label: "Cutover waves or sites",
      done: waves > 0,
      detail: waves > 0 ? `${s(waves, "wave")} entered` : "Not entered: the estimate derives waves from the profile",
      path: "/assumptions#field-waves",
    },
    {
      key: "team",
      label: "Migration team",
      done: typeof a.teamFte === "number",
      detail: typeof a.teamFte === "number" ? `${a.teamFte} FTE` : "Not confirmed: the estimate assumes the default team size",
      path: "/assumptions#field-teamFte",
    },
    {
      key: "audit",
      label: "Audit-trail policy",
      done: Boolean(policy && policy !== "undecided"),
      detail: policy && policy !== "undecided" ? `Policy: ${policy}` : "Not decided: migrate, archive or hybrid",
      path: "/audit-trail",
    },
    {
      key: "data",
      label: "Data inventory with record counts",
      done: c.data.total > 0 && c.data.unknownCounts === 0,
      detail: c.data.total === 0 ? "Empty" : c.data.unknownCounts > 0 ? `${s(c.data.unknownCounts, "entity", "entities")} without a record count` : s(c.data.total, "entity", "entities"),
      path: "/data",
    },
    {
      key: "workflows",
      label: "Workflow inventory",
      done: c.workflows.total > 0 && c.workflows.undecided === 0,
      detail: c.workflows.total === 0 ? "Empty" : c.workflows.undecided > 0 ? `${s(c.workflows.undecided, "item")} with an undecided disposition` : s(c.workflows.total, "item"),
      path: "/workflows",
    },
    {
      key: "signoff",
      label: "Clinical sign-off of the workflows",
      done: input.signOff.signedOff && input.signOff.changedSinceSignOff === 0,
      detail: !input.signOff.signedOff ? "Not signed off" : input.signOff.changedSinceSignOff > 0 ? `${s(input.signOff.changedSinceSignOff, "item")} changed since sign-off` : "Signed off",
      path: "/workflows/sign-off",
    },
    {
      key: "integrations",
      label: "Integrations with a transition strategy",
      done: c.integrations.total > 0 && c.integrations.undecided === 0,
      detail: c.integrations.total === 0 ? "Empty" : c.integrations.undecided > 0 ? `${s(c.integrations.undecided, "interface")} without a strategy` : s(c.integrations.total, "interface"),
      path: "/integrations",
    },
    {
      key: "reports",
      label: "Reports, regulatory ones with a reproducibility plan",
      done: c.reports.total > 0 && c.reports.regulatoryWithoutPlan === 0,
      detail: c.reports.total === 0 ? "Empty" : c.reports.regulatoryWithoutPlan > 0 ? `${s(c.reports.regulatoryWithoutPlan, "regulatory report")} without a plan` : s(c.reports.total, "report"),
      path: "/reports",
    },
    {
      key: "risks",
      label: "Risk register with owners",
      done: c.risks.notClosed > 0 && c.risks.withoutOwner === 0,
      detail: c.risks.notClosed === 0 ? "No open risk: the estimate falls back on the default risk library" : c.risks.withoutOwner > 0 ? `${s(c.risks.withoutOwner, "risk")} without an owner` : `${s(c.risks.notClosed, "open risk")}`,
      path: "/risks",
    },
  ];
  const done = steps.filter((x) => x.done).length;
  return { steps, done, total: steps.length, quotable: done === steps.length };
}
