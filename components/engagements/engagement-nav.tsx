"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { SectionGroup } from "@/lib/engagements/sections";

export type NavItem = { slug: string; label: string; group: SectionGroup };

export function EngagementNav({ engagementId, items }: { engagementId: string; items: NavItem[] }) {
  const pathname = usePathname();
  const groups = [...new Set(items.map((i) => i.group))];
  return (
    <nav aria-label="Engagement sections" className="space-y-5">
      {groups.map((group) => (
        <div key={group}>
          <div className="px-3 text-[11px] font-semibold uppercase tracking-wider text-ink-400">{group}</div>
          <ul className="mt-1.5 space-y-0.5">
            {items.filter((i) => i.group === group).map((item) => {
              const href = item.slug ? `/engagements/${engagementId}/${item.slug}` : `/engagements/${engagementId}`;
              const active = item.slug ? pathname === href || pathname.startsWith(`${href}/`) : pathname === href;
              return (
                <li key={item.slug || "overview"}>
                  <Link
                    href={href}
                    aria-current={active ? "page" : undefined}
                    className={cn("block rounded-md px-3 py-1.5 text-sm", active ? "bg-brand-50 font-medium text-brand-800" : "text-ink-700 hover:bg-ink-100")}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
