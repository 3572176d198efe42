// Query parameters of the report page and its downloads (client + server).
import { z } from "zod";
import { DEFAULT_SEED } from "@/lib/estimate";

/** ?seed=N — a whole number 0…4294967295 (the engine's range); missing or invalid → the default seed. */
export function parseSeed(raw: string | string[] | null | undefined): number {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v === null || !/^\d{1,10}$/.test(v)) return DEFAULT_SEED;
  const n = Number(v);
  return n <= 0xffffffff ? n : DEFAULT_SEED;
}

export const REPORT_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const REPORT_EXPORT_PARTS = ["costs", "phases"] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
export type ReportExportPart = (typeof REPORT_EXPORT_PARTS)[number];

export const ReportExportQuerySchema = z.strictObject({
  format: z.enum(REPORT_EXPORT_FORMATS, { error: "format must be csv or xlsx" }),
  part: z.enum(REPORT_EXPORT_PARTS, { error: "part must be costs or phases" }),
});

/** Where the downloads of an engagement's report live (seed kept so the file matches the page). */
export function reportPdfPath(engagementId: string, seed: number): string {
  return `/api/engagements/${encodeURIComponent(engagementId)}/report.pdf${seed === DEFAULT_SEED ? "" : `?seed=${seed}`}`;
}

export function reportExportPath(engagementId: string, part: ReportExportPart, format: ReportExportFormat, seed: number): string {
  return `/api/engagements/${encodeURIComponent(engagementId)}/report/export?part=${part}&format=${format}${seed === DEFAULT_SEED ? "" : `&seed=${seed}`}`;
}
