// What the integration inventory's view adds to its definition: it speaks of interfaces, shows the partner
// under the name and the message types under the standard, and tints undecided transitions.
import { Plug } from "lucide-react";
import { defineExtension } from "@/components/inventories/extension";
import { ProfileRowLink } from "@/components/profile-runs/profile-link";
import { DIRECTION_LABELS, INTEGRATION_STANDARD_LABELS, labelOf } from "@/lib/inventories/labels";
import type { IntegrationFormState, IntegrationRow } from "@/lib/integrations/schema";

export const INTEGRATION_EXTENSION = defineExtension<IntegrationRow, IntegrationFormState>({
  noun: ["interface", "interfaces"],
  rowName: (r) => r.name,
  subtitle: (r) => r.partner || null,
  // message samples the profiler reads: HL7 v2 and X12
  computed: (c) =>
    c.profileHref
      ? [{ column: { id: "profile", header: <span className="sr-only">Profile</span>, cell: (r: IntegrationRow) => (r.standard === "hl7v2" || r.standard === "x12" ? <ProfileRowLink href={c.profileHref!} type="integration" id={r.id} name={r.name} /> : null) } }]
      : [],
  cells: {
    standard: (r) => (
      <div className="whitespace-nowrap">
        {labelOf(INTEGRATION_STANDARD_LABELS, r.standard)} <span className="text-ink-500">· {labelOf(DIRECTION_LABELS, r.direction).toLowerCase()}</span>
        {r.messageTypes ? <div className="max-w-48 truncate text-xs text-ink-500" title={r.messageTypes}>{r.messageTypes}</div> : null}
      </div>
    ),
  },
  descFirst: ["clinicalImpact", "complexity"],
  rowClassName: (r) => (r.transitionStrategy === "undecided" ? "bg-amber-50/40" : undefined),
  empty: {
    icon: <Plug className="size-8" />,
    title: "No interfaces yet",
    addLabel: "Add the first interface",
    body: (
      <>
        List every interface the source system has — lab orders and results, eRx, payers, portal, billing, document management, imaging, registries —
        with its standard, partner and how it will cross cutover. The most critical are rebuilt first.
      </>
    ),
  },
});
