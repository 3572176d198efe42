import Link from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-ink-600">This page does not exist, or you are not a member of the engagement it belongs to. Ask the engagement lead to add you if you need access.</p>
      <Link href="/engagements" className="mt-6 text-sm font-medium text-brand-700 hover:underline">Back to your engagements</Link>
    </main>
  );
}
