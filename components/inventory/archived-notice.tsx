// Shown on inventory pages of an archived engagement: everything reads, nothing changes until it is restored.
import { Archive } from "lucide-react";

export function ArchivedNotice({ isArchived }: { isArchived: boolean }) {
  if (!isArchived) return null;
  return (
    <p role="status" className="mb-5 flex items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <Archive className="size-4 shrink-0 text-amber-600" aria-hidden />
      This engagement is archived: its inventories are read only. A lead can restore it in Settings.
    </p>
  );
}
