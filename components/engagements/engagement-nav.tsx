"use client";
import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { Menu, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { SectionGroup } from "@/lib/engagements/sections";

export type NavItem = { slug: string; label: string; group: SectionGroup };

function isActive(pathname: string, href: string, slug: string) {
  return slug ? pathname === href || pathname.startsWith(`${href}/`) : pathname === href;
}

export function EngagementNav({ engagementId, items, label = "Engagement sections" }: { engagementId: string; items: NavItem[]; label?: string }) {
  const pathname = usePathname();
  const groups = [...new Set(items.map((i) => i.group))];
  return (
    <nav aria-label={label} className="space-y-5">
      {groups.map((group) => (
        <div key={group}>
          <div className="px-3 text-[11px] font-semibold uppercase tracking-wider text-ink-500">{group}</div>
          <ul className="mt-1.5 space-y-0.5">
            {items.filter((i) => i.group === group).map((item) => {
              const href = item.slug ? `/engagements/${engagementId}/${item.slug}` : `/engagements/${engagementId}`;
              const active = isActive(pathname, href, item.slug);
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

/**
 * The engagement's sections on small screens (below md, where the sidebar is hidden): a bar with the client
 * name and the current section, and a "Sections" button that opens the same list as the sidebar. It closes
 * on navigation, on Escape (focus back on the button) and on a tap outside.
 */
export function EngagementMobileNav({ engagementId, clientName, items }: { engagementId: string; clientName: string; items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // navigating to another section closes the panel (state reset during render, not in an effect)
  if (open && openedAt !== pathname) setOpen(false);
  useEffect(() => {
    if (!open) return;
    function onDoc(e: PointerEvent) {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    }
    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onDoc);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDoc);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  const current = items.find((i) => isActive(pathname, i.slug ? `/engagements/${engagementId}/${i.slug}` : `/engagements/${engagementId}`, i.slug));
  return (
    <div ref={ref} className="no-print relative mb-4 md:hidden">
      <div className="flex items-center justify-between gap-3 rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-ink-200">
        <div className="min-w-0">
          <div className="truncate text-sm font-semibold text-ink-900">{clientName}</div>
          <div className="truncate text-xs text-ink-600">{current?.label ?? "Engagement"}</div>
        </div>
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls="engagement-mobile-sections"
          onClick={() => {
            setOpenedAt(pathname);
            setOpen((o) => !o);
          }}
          className="flex min-h-11 shrink-0 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-brand-800 ring-1 ring-ink-200 hover:bg-ink-50"
        >
          {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
          Sections
        </button>
      </div>
      {open ? (
        <div id="engagement-mobile-sections" className="absolute inset-x-0 top-full z-30 mt-2 max-h-[70vh] overflow-y-auto rounded-lg bg-white py-3 shadow-lg ring-1 ring-ink-200">
          <Link href="/engagements" className="mb-3 block px-3 text-sm text-brand-700 hover:underline">
            ← All engagements
          </Link>
          <EngagementNav engagementId={engagementId} items={items} label="Engagement sections (menu)" />
        </div>
      ) : null}
    </div>
  );
}
