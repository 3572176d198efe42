// The engagement navigation: one entry per section URL (/engagements/<id>/<slug>). Client-safe.
import type { Capability } from "@/lib/auth/access-matrix";

export type SectionGroup = "Engagement" | "Phase 0 inventories" | "Estimate" | "Administration";

export type Section = { slug: string; label: string; group: SectionGroup; capability: Capability; description: string };

export const SECTIONS: Section[] = [
  { slug: "", label: "Overview", group: "Engagement", capability: "engagement.view", description: "Profile, inventory completeness and what needs attention." },
  { slug: "data", label: "Data inventory", group: "Phase 0 inventories", capability: "inventory.view", description: "Source entities, record counts, quirks and mapping to the destination." },
  { slug: "workflows", label: "Workflows", group: "Phase 0 inventories", capability: "inventory.view", description: "Order sets, alerts, routing rules and templates; clinical review and sign-off." },
  { slug: "integrations", label: "Integrations", group: "Phase 0 inventories", capability: "inventory.view", description: "Interfaces, their standards, partners and transition strategy." },
  { slug: "reports", label: "Reports", group: "Phase 0 inventories", capability: "inventory.view", description: "Custom reports, dashboards and regulatory submissions with reproducibility plans." },
  { slug: "audit-trail", label: "Audit-trail policy", group: "Phase 0 inventories", capability: "inventory.view", description: "Migrate, archive or hybrid — and how to answer “who looked at this record in 2022?”." },
  { slug: "risks", label: "Risk register", group: "Phase 0 inventories", capability: "inventory.view", description: "Cutover risks on a likelihood × impact matrix, with owners and review dates." },
  { slug: "profile", label: "Profiling", group: "Phase 0 inventories", capability: "inventory.view", description: "Measure data quality in sample extracts and interface messages; accept findings into the inventories." },
  { slug: "assumptions", label: "Assumptions", group: "Estimate", capability: "estimate.view", description: "Rates, team, license terms, cutover waves and model constants." },
  { slug: "estimate", label: "Estimate", group: "Estimate", capability: "estimate.view", description: "Risk-adjusted timeline and price with P50/P80 confidence and license overlap." },
  { slug: "report", label: "Executive report", group: "Estimate", capability: "report.view", description: "The priced timeline report for decision makers." },
  { slug: "import", label: "Import & export", group: "Administration", capability: "data.import", description: "Spreadsheets in and out of the inventories; the whole engagement as JSON." },
  { slug: "members", label: "Members", group: "Administration", capability: "engagement.view", description: "Who can see this engagement, and in which role." },
  { slug: "activity", label: "Activity log", group: "Administration", capability: "audit.view", description: "Who changed what, and when." },
  { slug: "settings", label: "Settings", group: "Administration", capability: "engagement.edit", description: "Engagement details, organization profile, archive." },
];

export function sectionBySlug(slug: string): Section | undefined {
  return SECTIONS.find((s) => s.slug === slug);
}
