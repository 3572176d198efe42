// Writes of job progress (lib/jobs): one row per job, overwritten as the job advances.
import "server-only";
import { db } from "@/lib/db";

export async function saveJobProgress(jobId: string, queue: string, p: { done: number; total: number; note?: string }): Promise<void> {
  const data = { done: p.done, total: p.total, note: (p.note ?? "").slice(0, 500), updatedAt: new Date() };
  await db.jobProgress.upsert({ where: { jobId }, create: { jobId, queue, ...data }, update: data });
}

/** Progress rows older than pg-boss's retention (their jobs are gone). */
export async function pruneJobProgress(olderThan: Date): Promise<number> {
  const r = await db.jobProgress.deleteMany({ where: { updatedAt: { lt: olderThan } } });
  return r.count;
}
