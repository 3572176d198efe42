// A box that scrolls sideways (a wide table on a narrow screen). Keyboard users must be able to scroll it
// too, so it is focusable (tabIndex 0) and, being focusable, a named region (role="region" + aria-label):
// axe's scrollable-region-focusable rule. Use this instead of hand-adding tabIndex to overflow-x-auto divs.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500", className)}>
      {children}
    </div>
  );
}
