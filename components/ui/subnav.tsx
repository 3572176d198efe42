import Link from "@/components/ui/link";
import { cn } from "@/components/ui/cn";

/** Tabs between the pages of one section (links, so each tab has its own URL). */
export function Subnav<T extends string>({ label, tabs, current }: { label: string; tabs: { id: T; label: string; href: string }[]; current: T }) {
  return (
    <nav aria-label={label} className="no-print mb-6 border-b border-ink-200">
      <ul className="-mb-px flex flex-wrap gap-x-6">
        {tabs.map((t) => (
          <li key={t.id}>
            <Link
              href={t.href}
              aria-current={t.id === current ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-0.5 pb-2.5 text-sm font-medium",
                t.id === current ? "border-brand-600 text-brand-800" : "border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-900",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
