"use client";
// Tabs of the estimate section: the estimate, scenarios, baselines.
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function EstimateSubnav({ engagementId, baselines }: { engagementId: string; baselines?: number }) {
  const pathname = usePathname();
  const base = `/engagements/${engagementId}/estimate`;
  const tabs = [
    { href: base, label: "Estimate", active: pathname === base },
    { href: `${base}/scenarios`, label: "Scenarios", active: pathname.startsWith(`${base}/scenarios`) },
    { href: `${base}/baselines`, label: baselines !== undefined ? `Baselines (${baselines})` : "Baselines", active: pathname.startsWith(`${base}/baselines`) },
  ];
  return (
    <nav aria-label="Estimate views" className="mb-6 border-b border-ink-200">
      <ul className="-mb-px flex gap-6">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link href={t.href} aria-current={t.active ? "page" : undefined} className={cn("inline-block border-b-2 px-1 pb-2 text-sm font-medium", t.active ? "border-brand-600 text-brand-800" : "border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-900")}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
