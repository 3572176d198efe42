// Engagement form and filter schemas (client + server).
import { z } from "zod";
import { AUDIT_POLICIES, ENGAGEMENT_STATUSES, FEE_BASES, MIGRATION_TYPES } from "@/lib/engagement-format/schema";
import { INPUT_LIMITS, rangeMessage } from "@/lib/engagement-format/limits";
import { decimalNumber, enumField, isoDateField, optionalText, requiredText, toNumber, wholeNumber } from "@/lib/form-fields";
import { hasControlCharacter, CONTROL_CHARACTER_MESSAGE } from "@/lib/input-rules";
import { ROLES } from "@/lib/auth/access-matrix";
import { MAX_FEE_DOLLARS, MAX_WAVES, dollarsToCents } from "@/lib/assumptions/schema";

export const ENGAGEMENT_STATUS_LABELS: Record<(typeof ENGAGEMENT_STATUSES)[number], string> = {
  scoping: "Scoping",
  active: "Active",
  on_hold: "On hold",
  completed: "Completed",
};

/** Suggestions for the source/destination fields (free text is still allowed). */
export const COMMON_EMRS = [
  "Epic", "Oracle Health (Cerner)", "MEDITECH Expanse", "athenaOne (athenahealth)", "eClinicalWorks",
  "NextGen Enterprise", "Veradigm (Allscripts) Professional", "Veradigm (Allscripts) TouchWorks",
  "Greenway Intergy", "ModMed EMA", "AdvancedMD", "Netsmart myAvatar", "Qualifacts CareLogic",
  "Credible (Qualifacts)", "Valant", "TherapyNotes", "Kareo / Tebra", "CPSI / TruBridge", "Practice Fusion",
  "Custom (in-house)", "Custom (new build)",
];

export const EngagementFormSchema = z.strictObject({
  clientName: requiredText(200),
  name: requiredText(200),
  migrationType: enumField(MIGRATION_TYPES, "Choose the migration type"),
  sourceSystem: optionalText(200),
  destinationSystem: optionalText(200),
  providers: wholeNumber({ max: 100_000 }),
  locations: wholeNumber({ max: 10_000 }),
  specialties: wholeNumber({ max: 1_000 }),
  staffUsers: wholeNumber({ max: 1_000_000 }),
  activePatients: wholeNumber({ max: 100_000_000 }),
  yearsOfData: decimalNumber({ max: 100 }),
  sourceSystemCount: wholeNumber({ min: 1, max: 20 }),
  plannedStart: isoDateField(),
  currency: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.string().regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD")),
  status: enumField(ENGAGEMENT_STATUSES),
});
export type EngagementFormInput = z.input<typeof EngagementFormSchema>;
export type EngagementFormValues = z.output<typeof EngagementFormSchema>;

// ---------- creating: what the estimate cannot guess (all optional: blank = enter later) ----------
export const AUDIT_POLICY_CHOICES: { value: (typeof AUDIT_POLICIES)[number]; label: string }[] = [
  { value: "undecided", label: "Decide later" },
  { value: "migrate", label: "Migrate the source audit log into the destination" },
  { value: "archive", label: "Archive the source log read-only" },
  { value: "hybrid", label: "Hybrid: migrate recent years, archive the rest" },
];

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

/** Dollars (per month) → cents; blank → null. The assumptions form's reading and limit ($10M). */
const optionalFee = z.preprocess(
  blankToNull,
  z.union([z.string(), z.number(), z.null()], { error: "Enter an amount in dollars" }).transform((raw, ctx) => {
    if (raw === null) return null;
    const r = dollarsToCents(raw, MAX_FEE_DOLLARS);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.cents ?? null;
  }),
);

const TEAM = INPUT_LIMITS.teamFte;
/** Team size in FTE within the contract's range (0.5–500); blank → null. */
const optionalTeamFte = z.preprocess(
  (v) => (blankToNull(v) === null ? null : toNumber(v)),
  z.number({ error: "Enter a number" }).min(TEAM.min, rangeMessage(TEAM)).max(TEAM.max, rangeMessage(TEAM)).nullable(),
);

/** Cutover waves or sites, one per line: names (≤ 100 characters each, at most 50). Blank → none. */
const waveNames = z.preprocess(
  (v) => (v == null ? "" : v),
  z.string({ error: "Enter one wave or site per line" }).max(MAX_WAVES * 101, "Too long").transform((raw, ctx) => {
    const names = raw.split(/\r?\n/).map((x) => x.trim()).filter((x) => x !== "");
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (names.length > MAX_WAVES) return fail(`At most ${MAX_WAVES} waves (one per line)`);
    if (names.some(hasControlCharacter)) return fail(CONTROL_CHARACTER_MESSAGE);
    const long = names.find((x) => x.length > 100);
    if (long) return fail(`Use at most 100 characters per wave (“${long.slice(0, 30)}…”)`);
    const seen = new Set<string>();
    for (const x of names) {
      if (seen.has(x.toLowerCase())) return fail(`“${x}” is listed twice`);
      seen.add(x.toLowerCase());
    }
    return names;
  }),
);

/** A choice that reads blank as its "enter later" value. */
function choiceOr<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.preprocess((v) => blankToNull(v) ?? fallback, z.enum(values, { error: "Choose one of the options" }));
}

export const QuoteInputsShape = {
  destinationFee: optionalFee,
  destinationFeeBasis: choiceOr(FEE_BASES, "per_provider_month"),
  sourceFee: optionalFee,
  sourceFeeBasis: choiceOr(FEE_BASES, "per_provider_month"),
  waves: waveNames,
  auditPolicy: choiceOr(AUDIT_POLICIES, "undecided"),
  teamFte: optionalTeamFte,
  reviewerEmail: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v ?? ""),
    z.union([z.literal(""), z.email("Enter an email address, or leave it blank")]),
  ),
};

/** The create form: the engagement's details plus the optional inputs the estimate cannot guess. */
export const EngagementCreateSchema = z.strictObject({ ...EngagementFormSchema.shape, ...QuoteInputsShape });
export type EngagementCreateInput = z.input<typeof EngagementCreateSchema>;
export type EngagementCreateValues = z.output<typeof EngagementCreateSchema>;

/**
 * The create form's optional inputs → the stored assumptions document (overrides only: a key that was left
 * blank is not written, so the overview checklist still says "not entered"). Waves split the providers and
 * EMR users evenly (the first waves take the remainder); the Assumptions page refines them. Pure.
 */
export function assumptionsFromQuoteInputs(
  q: Pick<EngagementCreateValues, "destinationFee" | "destinationFeeBasis" | "sourceFee" | "sourceFeeBasis" | "waves" | "teamFte">,
  profile: { providers: number; staffUsers: number },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (q.destinationFee !== null || q.sourceFee !== null) {
    // the license contract's form: a fee left blank is null (not entered), never 0
    out.license = {
      destinationFeeCents: q.destinationFee,
      destinationFeeBasis: q.destinationFeeBasis,
      sources: [{ feeCents: q.sourceFee, feeBasis: q.sourceFeeBasis }],
    };
  }
  if (q.waves.length > 0) {
    const split = (total: number, i: number) => Math.floor(total / q.waves.length) + (i < total % q.waves.length ? 1 : 0);
    out.waves = q.waves.map((name, i) => ({ name, cohort: "", providers: split(profile.providers, i), users: split(profile.staffUsers, i) }));
  }
  if (q.teamFte !== null) out.teamFte = q.teamFte;
  return out;
}

export const EngagementUpdateSchema = z.strictObject({
  engagementId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  values: EngagementFormSchema,
});

export const EngagementListFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  type: z.enum(MIGRATION_TYPES).optional().catch(undefined),
  status: z.enum([...ENGAGEMENT_STATUSES, "archived"]).optional().catch(undefined),
});
export type EngagementListFilter = z.infer<typeof EngagementListFilterSchema>;

export const MemberAddSchema = z.strictObject({
  engagementId: z.string().min(1).max(64),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email("Enter an email address")),
  role: enumField(ROLES, "Choose a role"),
});

export const MemberRoleSchema = z.strictObject({
  engagementId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  role: enumField(ROLES, "Choose a role"),
});

export const MemberRemoveSchema = z.strictObject({
  engagementId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});

export const EngagementIdSchema = z.strictObject({ engagementId: z.string().min(1).max(64) });
