// Share links to the executive report: action inputs and display vocabulary (client + server).
import { z } from "zod";
import { plainText } from "@/lib/input-rules";
import { wholeNumber } from "@/lib/form-fields";

export const SHARE_LINK_MIN_DAYS = 1;
export const SHARE_LINK_MAX_DAYS = 90;
export const SHARE_LINK_DEFAULT_DAYS = 14;
/** The choices offered in the form (any whole number 1–90 is accepted). */
export const SHARE_LINK_DAY_OPTIONS = [1, 3, 7, 14, 30, 60, 90] as const;

export const ShareLinkFormSchema = z.strictObject({
  days: wholeNumber({ min: SHARE_LINK_MIN_DAYS, max: SHARE_LINK_MAX_DAYS }),
  label: z.preprocess((v) => (typeof v === "string" ? v.trim() : v ?? ""), plainText(z.string().max(100, "Use at most 100 characters"))),
});
export type ShareLinkFormValues = z.output<typeof ShareLinkFormSchema>;

export const ShareLinkCreateSchema = ShareLinkFormSchema.extend({ engagementId: z.string().min(1).max(64) });
export const ShareLinkRevokeSchema = z.strictObject({ engagementId: z.string().min(1).max(64), shareLinkId: z.string().min(1).max(64) });

export type ShareLinkStatus = "active" | "expired" | "revoked";
export const SHARE_LINK_STATUS_LABELS: Record<ShareLinkStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

export type ShareLinkDto = {
  id: string;
  label: string;
  createdAt: string;
  createdByName: string;
  expiresAt: string;
  revokedAt: string | null;
  status: ShareLinkStatus;
  accessCount: number;
  lastOpenedAt: string | null;
};

/** What a lead gets back once, at creation: the only time the full token exists outside the recipient's hands. */
export type CreatedShareLink = { id: string; path: string; expiresAt: string };

export function shareLinkStatus(link: { expiresAt: Date | string; revokedAt: Date | string | null }, now: Date): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  return new Date(link.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
}

/** A share token as we hand it out: 32 random bytes, base64url (43 characters). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
