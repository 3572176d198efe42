"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export function ArchiveControl({ engagementId, isArchived, action }: { engagementId: string; isArchived: boolean; action: (input: unknown, archived: boolean) => Promise<ActionResult> }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={isArchived ? "secondary" : "danger"}
      pending={pending}
      onClick={async () => {
        if (!isArchived && !window.confirm("Archive this engagement? Members can still open it from the Archived filter.")) return;
        setPending(true);
        const res = await action({ engagementId }, !isArchived);
        setPending(false);
        if (res.ok) {
          toast.success(isArchived ? "Engagement restored" : "Engagement archived");
          router.refresh();
        } else toast.error(res.message);
      }}
    >
      {isArchived ? "Restore engagement" : "Archive engagement"}
    </Button>
  );
}
