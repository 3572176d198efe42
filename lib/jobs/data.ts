// Reads of job progress (lib/jobs). pg-boss itself holds state, attempts and failure reasons.
import "server-only";
import { db } from "@/lib/db";

export type JobProgress = { done: number; total: number; note: string; updatedAt: string };

export async function findJobProgress(jobId: string): Promise<JobProgress | null> {
  const row = await db.jobProgress.findUnique({ where: { jobId }, select: { done: true, total: true, note: true, updatedAt: true } });
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
}
