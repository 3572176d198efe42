import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callback = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await loadCurrentUser()) redirect(callback);
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <div className="hidden flex-col justify-between bg-brand-900 p-12 text-brand-50 lg:flex">
        <div className="flex items-center gap-2 text-lg font-semibold text-white">
          <SoundingMark /> Sounding
        </div>
        <div className="max-w-md space-y-4">
          <p className="text-3xl font-semibold leading-tight text-white">Measure what lies below the waterline.</p>
          <p className="text-brand-100">
            Data-quality archaeology, workflow reconstruction, audit-trail preservation, integrations, reporting and
            license overlap — inventoried, risk-adjusted and priced before anyone signs a contract.
          </p>
        </div>
        <p className="text-sm text-brand-200">Phase 0 scoping for EMR/EHR migrations · Types A, B and C</p>
      </div>
      <div className="flex items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center gap-2 text-lg font-semibold text-brand-800 lg:hidden">
            <SoundingMark /> Sounding
          </div>
          <h1 className="text-2xl font-semibold">Sign in to Sounding</h1>
          <p className="mt-1 text-sm text-ink-600">Use the account your firm’s administrator created for you.</p>
          <div className="mt-8">
            <SignInForm callbackUrl={callback} />
          </div>
        </div>
      </div>
    </main>
  );
}

function SoundingMark() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" aria-hidden>
      <path d="M2 9c3 0 3-2 6-2s3 2 6 2 3-2 6-2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M12 11v9m0 0-3-3m3 3 3-3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
