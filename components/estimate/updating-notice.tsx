"use client";
// Shown while the engagement's inputs changed and the new estimate is still being computed: the numbers
// on the page are the previous inputs'. Refreshes the page (server components only) every few seconds
// until the server has the new result, then disappears with the banner.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 2_000;
const GIVE_UP_AFTER = 90; // 3 minutes: past the estimate budget, a reload shows the outcome either way

export function UpdatingNotice({ shownComputedAt }: { shownComputedAt: string }) {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries >= GIVE_UP_AFTER) return;
    const t = setTimeout(() => {
      router.refresh();
      setTries((n) => n + 1);
    }, EVERY_MS);
    return () => clearTimeout(t);
  }, [router, tries]);
  const when = new Date(shownComputedAt).toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  return (
    <div role="status" className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
      <strong className="font-semibold">Updating.</strong> The inputs changed: the numbers below are from the previous inputs (computed {when}).{" "}
      {tries < GIVE_UP_AFTER ? "The new estimate is being computed; this page updates itself when it is ready." : "It is taking unusually long: reload the page to see where it stands."}
    </div>
  );
}
