// Messages between the estimate runner and its worker threads (structured-cloned plain objects).
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import type { Estimate, EstimateOptions } from "@/lib/estimate";

export type WorkerRequest = { id: number; doc: EngagementDocument; options: EstimateOptions };
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; estimate: Estimate; engineMs: number }
  | { id: number; ok: false; name: string; message: string };
