// One answer for a share link that is malformed, unknown, revoked or expired (served with status 404).
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Link no longer valid", robots: { index: false, follow: false } };

export default function ShareLinkNotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-ink-50 px-6">
      <div className="max-w-md rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-ink-200">
        <h1 className="text-xl font-semibold text-ink-900">This link is no longer valid</h1>
        <p className="mt-2 text-sm text-ink-600">It may have expired or been revoked. Ask the person who shared it with you for a new link.</p>
      </div>
    </main>
  );
}
