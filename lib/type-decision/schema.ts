// The type decision's fit checklist: the article's four criteria for "When custom replacement is the right
// answer", with the consultant's answer to each. Stored on the engagement (Engagement.typeDecision).
// Client-safe: no Prisma, no Node APIs.
import { z } from "zod";
import { IdSchema } from "@/lib/inventories/action-input";

export const FIT_CRITERIA = [
  {
    key: "specialtyWorkflowFit",
    label: "Specialty workflow fit",
    question: "Do the client's specialty workflows fit commercial EMRs poorly enough that a vendor switch would force them into generic templates?",
  },
  {
    key: "sizeVersusLicensing",
    label: "Size versus licensing cost",
    question: "Is the organization large enough that commercial licence fees over the years outweigh owning and running a platform?",
  },
  {
    key: "technicalLeadership",
    label: "Technical leadership to own maintenance",
    question: "Does the client have (or will it hire) technical leadership that can own the platform's maintenance and regulatory updates for years?",
  },
  {
    key: "longHorizon",
    label: "A 5+ year horizon",
    question: "Is the client planning for at least five years, long enough for a custom build to pay back?",
  },
] as const;

export type FitCriterionKey = (typeof FIT_CRITERIA)[number]["key"];
export const FIT_CRITERION_KEYS = FIT_CRITERIA.map((c) => c.key) as [FitCriterionKey, ...FitCriterionKey[]];

export const FIT_ANSWERS = ["yes", "no", "unsure"] as const;
export type FitAnswer = (typeof FIT_ANSWERS)[number];
export const FIT_ANSWER_LABELS: Record<FitAnswer | "unanswered", string> = { yes: "Yes", no: "No", unsure: "Not sure yet", unanswered: "Not answered" };

const AnswerSchema = z.strictObject({
  answer: z.enum(FIT_ANSWERS, { error: "Choose yes, no or not sure yet" }).nullable().default(null),
  note: z.string().trim().max(1000, "At most 1,000 characters").default(""),
});
export type FitCriterionAnswer = z.output<typeof AnswerSchema>;

/** The stored answers: every criterion, unanswered by default (an empty `{}` column parses). */
export const TypeDecisionAnswersSchema = z.strictObject(
  Object.fromEntries(FIT_CRITERION_KEYS.map((k) => [k, AnswerSchema.default({ answer: null, note: "" })])) as Record<FitCriterionKey, z.ZodDefault<typeof AnswerSchema>>,
);
export type TypeDecisionAnswers = z.output<typeof TypeDecisionAnswersSchema>;

export const TypeDecisionSaveSchema = z.strictObject({ engagementId: IdSchema, version: z.int().min(0), values: TypeDecisionAnswersSchema });

export type TypeDecisionChecklistDto = { values: TypeDecisionAnswers; version: number };

/** Stored JSON → answers; anything that no longer parses reads as unanswered (never takes a page down). */
export function readTypeDecisionAnswers(raw: unknown): TypeDecisionAnswers {
  const parsed = TypeDecisionAnswersSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : TypeDecisionAnswersSchema.parse({});
}

export type ChecklistSummary = { yes: number; no: number; unsure: number; unanswered: number; words: string };

/** How the four criteria stand, in words. */
export function summarizeChecklist(a: TypeDecisionAnswers): ChecklistSummary {
  const answers = FIT_CRITERION_KEYS.map((k) => a[k].answer);
  const count = (v: FitAnswer | null) => answers.filter((x) => x === v).length;
  const yes = count("yes"), no = count("no"), unsure = count("unsure"), unanswered = count(null);
  const words =
    unanswered === 4
      ? "The four fit criteria are not answered yet."
      : yes === 4
        ? "All four fit criteria hold: the article's case for a custom replacement is met; compare the cost of ownership below."
        : no > 0
          ? `${no} of the four fit criteria ${no === 1 ? "does" : "do"} not hold: the article's case for a custom replacement needs all four, so a vendor switch (Type A) is the default unless that changes.`
          : `${yes} of the four fit criteria hold so far; ${unsure + unanswered} ${unsure + unanswered === 1 ? "is" : "are"} still open.`;
  return { yes, no, unsure, unanswered, words };
}
