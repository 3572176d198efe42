// The way from an inventory to profiling: one line above the table.
import { Gauge } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";

export function ProfileLink({ href, label, text }: { href: string; label: string; text: string }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-ink-200 bg-white px-4 py-3 text-sm text-ink-600">
      <span>{text}</span>
      <ButtonLink href={href} size="sm" variant="secondary">
        <Gauge className="size-4" aria-hidden /> {label}
      </ButtonLink>
    </div>
  );
}
