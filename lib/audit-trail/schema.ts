// Audit-trail policy (one per engagement): form and action schemas, and the warnings the page shows.
// The question the policy must answer years after cutover: "who looked at patient X's record in 2022?"
import { z } from "zod";
import { AUDIT_POLICIES, type AuditTrailPolicy } from "@/lib/engagement-format/schema";
import { enumField, optionalText } from "@/lib/form-fields";
import { numberToInput, optionalDecimal, optionalWholeNumber } from "@/lib/inventories/form-fields";
import { IdSchema } from "@/lib/inventories/action-input";

export const AuditTrailFormSchema = z.strictObject({
  policy: enumField(AUDIT_POLICIES, "Choose a policy"),
  sourceLogRows: optionalWholeNumber({ max: 10_000_000_000_000 }),
  sourceLogYears: optionalDecimal({ max: 100 }),
  retentionYears: optionalDecimal({ max: 100 }),
  retentionBasis: optionalText(500),
  destination: optionalText(500),
  retrievalProcedure: optionalText(5000),
  owner: optionalText(200),
});
export type AuditTrailFormValues = z.output<typeof AuditTrailFormSchema>;
// INVARIANT: the form's output is a contract AuditTrailPolicy (compile-time check).
const _formIsContract: (v: AuditTrailFormValues) => AuditTrailPolicy = (v) => v;

/** version 0 = the policy does not exist yet (the first save creates it). */
export const AuditTrailSaveSchema = z.strictObject({ engagementId: IdSchema, version: z.int().min(0), values: AuditTrailFormSchema });

export type AuditTrailPolicyDto = { values: AuditTrailPolicy; version: number; updatedAt: string };

export type AuditTrailFormState = Record<keyof AuditTrailPolicy, string>;

export function auditTrailToForm(p: AuditTrailPolicy): AuditTrailFormState {
  return {
    policy: p.policy,
    sourceLogRows: numberToInput(p.sourceLogRows),
    sourceLogYears: numberToInput(p.sourceLogYears),
    retentionYears: numberToInput(p.retentionYears),
    retentionBasis: p.retentionBasis,
    destination: p.destination,
    retrievalProcedure: p.retrievalProcedure,
    owner: p.owner,
  };
}

export const RETRIEVAL_PROCEDURE_PLACEHOLDER =
  "How would we answer “who looked at patient X's record in 2022?” after the source system is gone? Who runs the query, against what, how long it takes, and who may ask.";

export type AuditTrailWarning = { field: keyof AuditTrailPolicy; message: string; short: string };

/** What still makes the policy unsafe to rely on (shown on the page; the overview counts them). */
export function auditTrailWarnings(p: { policy: string; retrievalProcedure: string; destination: string } | null): AuditTrailWarning[] {
  if (!p || p.policy === "undecided") {
    return [{ field: "policy", short: "No policy yet", message: "No policy yet: nobody can say how access to old records will be answered after cutover. This is one of the most common failure modes." }];
  }
  const out: AuditTrailWarning[] = [];
  if ((p.policy === "archive" || p.policy === "hybrid") && p.retrievalProcedure.trim() === "") {
    out.push({ field: "retrievalProcedure", short: "No retrieval procedure", message: "An archived log without a documented retrieval procedure cannot answer an access request in time. Write down how it is queried." });
  }
  if ((p.policy === "archive" || p.policy === "hybrid") && p.destination.trim() === "") {
    out.push({ field: "destination", short: "Archive location not recorded", message: "Where the archived log will live is not recorded yet." });
  }
  if (p.policy === "migrate" && p.destination.trim() === "") {
    out.push({ field: "destination", short: "Destination format not recorded", message: "The destination audit format is not recorded yet." });
  }
  return out;
}
