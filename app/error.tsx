"use client";
import { useEffect } from "react";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST || /ECONNREFUSED|database|Can't reach/i.test(error.message);
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-red-700">Something went wrong</p>
      <h1 className="mt-2 text-2xl font-semibold">{unavailable ? "The database is not reachable right now" : "This page could not be shown"}</h1>
      <p className="mt-2 max-w-md text-sm text-ink-600">
        {unavailable ? "Sounding will recover by itself when the database is back. Nothing you saved was lost." : "The problem was logged."}{" "}
        {error.digest && !unavailable ? <>Reference: <code className="rounded bg-ink-100 px-1">{error.digest}</code></> : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Try again</button>
    </main>
  );
}
