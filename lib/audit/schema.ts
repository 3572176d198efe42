// Filters of the activity log (page and CSV export): person, kind of activity, date range (UTC days).
// Client + server. A bad value is reported in words; an empty value means "any".
import { z } from "zod";
import { isoDateInRange } from "@/lib/input-rules";
import { ACTIVITY_KIND_KEYS, type ActivityKind } from "@/lib/audit/labels";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const ActivityFilterSchema = z
  .object({
    person: z.preprocess(blankToUndefined, z.string().max(320, "The person is too long").optional()),
    kind: z.preprocess(blankToUndefined, z.enum(ACTIVITY_KIND_KEYS as [ActivityKind, ...ActivityKind[]], { error: "Unknown kind of activity" }).optional()),
    from: z.preprocess(blankToUndefined, isoDateInRange({ error: "From must be a date (YYYY-MM-DD)" }).optional()),
    to: z.preprocess(blankToUndefined, isoDateInRange({ error: "To must be a date (YYYY-MM-DD)" }).optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date is after the end date", path: ["to"] });

export type ActivityFilter = z.infer<typeof ActivityFilterSchema>;

/** Parse search params into a filter; invalid filters give their messages and no filter at all. */
export function parseActivityFilter(raw: Record<string, string | string[] | undefined | null>): { filter: ActivityFilter; errors: string[] } {
  const pick = (k: string) => {
    const v = raw[k];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  const parsed = ActivityFilterSchema.safeParse({ person: pick("person"), kind: pick("kind"), from: pick("from"), to: pick("to") });
  if (parsed.success) return { filter: parsed.data, errors: [] };
  return { filter: {}, errors: parsed.error.issues.map((i) => i.message) };
}

/** The query string of a filter (for links: the export, older entries). */
export function activityFilterQuery(f: ActivityFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of ["person", "kind", "from", "to"] as const) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const ACTIVITY_EXPORT_LIMIT = 10_000;

export function activityExportPath(engagementId: string, f: ActivityFilter): string {
  return `/api/engagements/${encodeURIComponent(engagementId)}/activity/export${activityFilterQuery(f)}`;
}
