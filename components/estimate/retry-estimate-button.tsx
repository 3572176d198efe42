"use client";
// "Try again" on a failed estimate: the action forgets the recorded failure (it is passed in as a prop:
// components never import actions), then the page is rendered again, which computes the estimate anew.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/errors";
import { Button } from "@/components/ui/button";

export function RetryEstimateButton({ engagementId, seed, retry }: { engagementId: string; seed: number; retry: (input: unknown) => Promise<ActionResult<{ forgotten: number }>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const r = await retry({ engagementId, seed });
          if (!r.ok) {
            toast.error(r.message);
            return;
          }
          router.refresh();
        })
      }
    >
      {pending ? "Computing again…" : "Try again"}
    </Button>
  );
}
