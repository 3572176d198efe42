"use client";
// The runs list, reopened while runs are going: re-reads the page every few seconds until none is running
// (their status, phase and upload share come from the server; nothing is tracked here).
import { useEffect } from "react";
import { useRouter } from "next/navigation";

export function RefreshWhileRunning({ active, everyMs = 3000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(t);
  }, [active, everyMs, router]);
  return null;
}
