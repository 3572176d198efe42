// Engagement form and filter schemas (client + server).
import { z } from "zod";
import { ENGAGEMENT_STATUSES, MIGRATION_TYPES } from "@/lib/engagement-format/schema";
import { decimalNumber, enumField, isoDateField, optionalText, requiredText, wholeNumber } from "@/lib/form-fields";
import { ROLES } from "@/lib/auth/access-matrix";

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
