// A box that scrolls sideways (a wide table on a narrow screen). Keyboard users must be able to scroll it
// too, so it is focusable (tabIndex 0) and, being focusable, a named region (role="region" + aria-label):
// axe's scrollable-region-focusable rule. Use this instead of hand-adding tabIndex to overflow-x-auto divs.
// It is also `relative`: an absolutely positioned child (an `sr-only` header text in the last column of a
// wide table) is clipped only by a scroller that is its containing block; without it, that 1-px span sits
// at the table's far right and widens the whole page (the estimate page was 678 px wide at 390 px).
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("relative overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500", className)}>
      {children}
    </div>
  );
}
