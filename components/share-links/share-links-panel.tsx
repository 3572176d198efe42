"use client";
// Share links to the report (leads only): create a read-only, expiring link for someone without an account —
// its full address is shown once, with a copy button — see every link's status and openings, revoke at once.
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Copy, Link2 } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { TextField } from "@/components/ui/field";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import { formatReportDate, formatReportDateTime } from "@/lib/report/format";
import {
  SHARE_LINK_DEFAULT_DAYS,
  SHARE_LINK_MAX_DAYS,
  SHARE_LINK_MIN_DAYS,
  SHARE_LINK_STATUS_LABELS,
  ShareLinkFormSchema,
  type CreatedShareLink,
  type ShareLinkDto,
} from "@/lib/share-links/schema";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Act<T> = (input: unknown) => Promise<ActionResult<T>>;

export type ShareLinksPanelProps = {
  engagementId: string;
  links: ShareLinkDto[];
  createShareLink: Act<CreatedShareLink>;
  revokeShareLink: Act<{ revokedAt: string }>;
};

const STATUS_TONE = { active: "green", expired: "neutral", revoked: "red" } as const;

export function ShareLinksPanel({ engagementId, links, createShareLink, revokeShareLink }: ShareLinksPanelProps) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const urlRef = useRef<HTMLInputElement>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const raw = Object.fromEntries(new FormData(form));
    const parsed = ShareLinkFormSchema.safeParse(raw);
    if (!parsed.success) {
      const fe = fieldErrorsFrom(parsed.error);
      setErrors(fe);
      (form.querySelector(`[name="${Object.keys(fe)[0]}"]`) as HTMLElement | null)?.focus();
      return;
    }
    setPending(true);
    const res = await createShareLink({ engagementId, ...raw });
    setPending(false);
    if (res.ok) {
      setErrors({});
      setCreated({ url: new URL(res.data.path, window.location.origin).toString(), expiresAt: res.data.expiresAt });
      setFormKey((k) => k + 1);
      toast.success("Share link created");
      router.refresh();
    } else if (res.code === "INVALID") setErrors(res.fieldErrors);
    else toast.error(res.message);
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      toast.success("Link copied");
    } catch {
      urlRef.current?.select();
      toast.message("Select the link and copy it (Ctrl+C / ⌘C)");
    }
  }

  async function revoke(link: ShareLinkDto) {
    if (!window.confirm(`Revoke ${link.label ? `“${link.label}”` : "this link"}? Anyone holding it loses access at once.`)) return;
    const res = await revokeShareLink({ engagementId, shareLinkId: link.id });
    if (res.ok) {
      toast.success("Link revoked");
      router.refresh();
    } else toast.error(res.message);
  }

  return (
    <Card className="no-print">
      <CardHeader
        title={<span className="inline-flex items-center gap-2"><Link2 className="size-4 text-brand-700" aria-hidden /> Share this report</span>}
        description="A read-only link for someone without an account. It expires, every opening is recorded, and you can revoke it at any time. Shared reports show all costs but not labor rates or license fees."
      />
      <CardBody className="space-y-5">
        <form key={formKey} onSubmit={onCreate} noValidate aria-label="Create a share link" className="flex flex-wrap items-start gap-3">
          <TextField
            label="Expires after (days)"
            name="days"
            type="number"
            inputMode="numeric"
            min={SHARE_LINK_MIN_DAYS}
            max={SHARE_LINK_MAX_DAYS}
            defaultValue={SHARE_LINK_DEFAULT_DAYS}
            error={errors.days}
            hint={`${SHARE_LINK_MIN_DAYS}–${SHARE_LINK_MAX_DAYS} days`}
            className="w-44"
          />
          <TextField label="For (optional)" name="label" maxLength={100} placeholder="e.g. CFO, board pack" error={errors.label} className="min-w-56 flex-1" />
          <Button type="submit" pending={pending} className="mt-7">Create link</Button>
        </form>

        {created ? (
          <div role="status" className="rounded-md bg-emerald-50 p-4 ring-1 ring-emerald-200 ring-inset">
            <p className="text-sm font-medium text-emerald-900">Copy this link now — it is shown only once. It expires {formatReportDate(created.expiresAt)}.</p>
            <div className="mt-2 flex gap-2">
              <label htmlFor="share-url" className="sr-only">Share link</label>
              <input id="share-url" ref={urlRef} readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} className="block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-ink-900 ring-1 ring-emerald-300 ring-inset" />
              <Button variant="secondary" onClick={copy}><Copy className="size-4" aria-hidden /> Copy</Button>
            </div>
          </div>
        ) : null}

        {links.length ? (
          <ScrollRegion label="Share links">
            <table className="w-full text-sm" aria-label="Share links">
              <thead>
                <tr className="border-b border-ink-200 text-left text-xs font-semibold tracking-wide text-ink-500 uppercase">
                  <th scope="col" className="py-2 pr-3">For</th>
                  <th scope="col" className="py-2 pr-3">Created</th>
                  <th scope="col" className="py-2 pr-3">Expires</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 pr-3 text-right">Opened</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {links.map((l) => (
                  <tr key={l.id} className="border-b border-ink-100">
                    <td className="py-2 pr-3 font-medium text-ink-900">{l.label || <span className="text-ink-500">—</span>}</td>
                    <td className="py-2 pr-3 text-ink-700">{formatReportDate(l.createdAt)}{l.createdByName ? <span className="text-ink-500"> · {l.createdByName}</span> : null}</td>
                    <td className="py-2 pr-3 text-ink-700">{formatReportDate(l.expiresAt)}</td>
                    <td className="py-2 pr-3"><Badge tone={STATUS_TONE[l.status]}>{SHARE_LINK_STATUS_LABELS[l.status]}</Badge></td>
                    <td className="py-2 pr-3 text-right text-ink-700">
                      <span className="tabular">{l.accessCount}×</span>
                      {l.lastOpenedAt ? <span className="block text-xs text-ink-500">last {formatReportDateTime(l.lastOpenedAt)}</span> : <span className="block text-xs text-ink-500">never</span>}
                    </td>
                    <td className="py-2 text-right">
                      {l.status === "active" ? (
                        <Button variant="ghost" size="sm" onClick={() => revoke(l)} aria-label={`Revoke ${l.label || "link"} created ${formatReportDate(l.createdAt)}`}>Revoke</Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <p className="text-sm text-ink-500">No share links yet.</p>
        )}
      </CardBody>
    </Card>
  );
}
