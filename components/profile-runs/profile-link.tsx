// The way from an inventory to profiling: one line above the table, and a "Profile" link on each row that
// opens the profiling page with that entity or interface already chosen.
import Link from "@/components/ui/link";
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

/** A row's link: the profiling page, pre-attached to this data entity or interface. */
export function ProfileRowLink({ href, type, id, name }: { href: string; type: "data_entity" | "integration"; id: string; name: string }) {
  return (
    <Link
      href={`${href}?target=${type}:${encodeURIComponent(id)}`}
      aria-label={`Profile ${type === "data_entity" ? "an extract of" : "messages of"} ${name}`}
      className="inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      <Gauge className="size-4" aria-hidden /> Profile
    </Link>
  );
}
