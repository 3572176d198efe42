// Profile runs (issue 10): the inputs of their server actions (strict: a client cannot inject ids it was
// not given) and the shapes the pages read. Runs on client and server; no Prisma.
import { z } from "zod";
import { plainText } from "@/lib/input-rules";
import type { Profile } from "@/lib/profiler/types";

export const PROFILE_TARGET_TYPES = ["data_entity", "integration"] as const;
export type ProfileTargetType = (typeof PROFILE_TARGET_TYPES)[number];

export const PROFILE_RUN_STATUSES = ["uploading", "done", "failed", "cancelled", "interrupted"] as const;
export type ProfileRunStatus = (typeof PROFILE_RUN_STATUSES)[number];

/** Largest sample a run accepts (the bench profiles 1,000,000 rows, ~150 MB, within the memory budget). */
export const MAX_PROFILE_BYTES = 2 * 1024 * 1024 * 1024;

const id = z.string().min(1).max(64);

export const CreateProfileRunSchema = z.strictObject({
  engagementId: id,
  targetType: z.enum(PROFILE_TARGET_TYPES),
  targetId: id,
  fileName: plainText(z.string().trim().min(1, "Choose a file").max(255, "The file name is too long (255 characters at most)")),
  bytes: z.number().int().min(1, "The file is empty").max(MAX_PROFILE_BYTES, "The file is larger than 2 GB: profile a sample of it"),
});
export type CreateProfileRunInput = z.infer<typeof CreateProfileRunSchema>;

export const ProfileRunRefSchema = z.strictObject({ engagementId: id, runId: id });

export const AcceptFindingSchema = z.strictObject({
  engagementId: id,
  runId: id,
  findingId: z.string().min(1).max(80),
});

export type ProfileTargetOption = { type: ProfileTargetType; id: string; label: string; detail: string };

export type AcceptedFinding = { at: string; by: string };

export type ProfileRunSummary = {
  id: string;
  targetType: ProfileTargetType;
  targetId: string;
  targetLabel: string;
  fileName: string;
  status: ProfileRunStatus;
  rowCount: number | null;
  format: string;
  createdByName: string;
  createdAt: string;
  acceptedCount: number;
  phase: ProfileRunProgress["phase"];
  bytes: number;
  totalBytes: number | null;
  /** why a run ended without a result (failed, cancelled, interrupted) */
  error: string;
};

export type ProfileRunProgress = {
  id: string;
  status: ProfileRunStatus;
  cancelRequested: boolean;
  bytes: number;
  totalBytes: number | null;
  rows: number;
  error: string;
  /**
   * While running: waiting for the browser to start sending, receiving the file (the tab that started the run
   * must stay open), analysing (the whole file arrived; the server finishes without the browser).
   */
  phase: "waiting" | "receiving" | "analysing" | null;
};

export type ProfileRunView = ProfileRunSummary & ProfileRunProgress & {
  sha256: string;
  finishedAt: string | null;
  result: Profile | null;
  accepted: Record<string, AcceptedFinding>;
};

// The validation plan's edits (lib/profile-runs/validation-plan.ts ValidationPlanEdits): one entity's part,
// or the mock rounds. `expectedVersion` is the plan version the form was loaded with (optimistic concurrency).
const planText = (max: number) => plainText(z.string().trim().max(max, `At most ${max} characters`));

export const SaveEntityPlanSchema = z.strictObject({
  engagementId: id,
  expectedVersion: z.number().int().min(0),
  entityId: id,
  checks: z.array(z.strictObject({ check: z.string().min(1).max(200), include: z.boolean(), acceptance: planText(500) })).max(100),
  added: z.array(z.strictObject({
    check: plainText(z.string().trim().min(1, "Name the check").max(200, "At most 200 characters")),
    method: planText(500),
    acceptance: plainText(z.string().trim().min(1, "Say what passes").max(500, "At most 500 characters")),
  })).max(30, "At most 30 added checks per entity"),
  goldenSize: z.number({ error: "Enter a number of patients" }).int("Enter a whole number").min(0, "Cannot be negative").max(10_000, "At most 10,000 patients"),
  goldenNotes: planText(2000),
});
export type SaveEntityPlanInput = z.infer<typeof SaveEntityPlanSchema>;

export const SaveRoundsSchema = z.strictObject({
  engagementId: id,
  expectedVersion: z.number().int().min(0),
  roundCount: z.number({ error: "Enter a number of rounds" }).int("Enter a whole number").min(1, "At least 1 round").max(10, "At most 10 rounds"),
  /** per round, its thresholds one per line */
  acceptance: z.array(planText(2000)).max(10),
});
export type SaveRoundsInput = z.infer<typeof SaveRoundsSchema>;
