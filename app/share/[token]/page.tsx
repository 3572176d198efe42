// /share/<token>: the executive report for someone without an account (no session, no app chrome). The token
// is the only key: a malformed, unknown, revoked or expired one gets the same "no longer valid" page (404).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { openSharedReport } from "@/lib/share-links/open";
import { estimateFailureMessage } from "@/lib/estimate-results/obtain";
import { formatReportDate } from "@/lib/report/format";
import { ReportDocument } from "@/components/report/report-document";
import { PrintButton } from "@/components/report/print-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared report", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SharedReportPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const h = await headers();
  const ip = (h.get("x-forwarded-for")?.split(",")[0] ?? h.get("x-real-ip") ?? "").trim();
  const shared = await openSharedReport(token, { ip, userAgent: h.get("user-agent") ?? "" }, h.get("x-request-id") ?? "").catch((err: unknown) => {
    // the estimate behind the report cannot be computed: say so plainly (the visitor has no account, so no inputs, no reason)
    if (estimateFailureMessage(err) === null) throw err;
    return "unavailable" as const;
  });
  if (!shared) notFound();
  if (shared === "unavailable") {
    return (
      <main className="min-h-screen bg-ink-50 px-4 py-12 sm:px-6">
        <section className="mx-auto max-w-xl rounded-lg bg-white px-6 py-5 shadow-sm ring-1 ring-ink-200" data-testid="share-unavailable">
          <h1 className="text-lg font-semibold text-ink-900">This report cannot be shown right now</h1>
          <p className="mt-2 text-sm text-ink-700">
            The estimate it is built from could not be computed from the engagement&rsquo;s current inputs. The link is still valid: ask the person who shared it to open the report in Sounding, which says what to check, and try this link again afterwards.
          </p>
        </section>
      </main>
    );
  }
  const r = shared.report;

  return (
    <div className="min-h-screen bg-ink-50">
      <div className="no-print border-b border-ink-200 bg-white">
        <div className="mx-auto flex max-w-[1000px] flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <p className="text-sm text-ink-700" data-testid="share-banner">
            Shared by <span className="font-semibold text-ink-900">{r.meta.firmName}</span> · expires {formatReportDate(shared.expiresAt)} · read-only
          </p>
          <PrintButton />
        </div>
      </div>
      <main className="px-4 py-6 sm:px-6">
        <ReportDocument report={r} />
      </main>
    </div>
  );
}
