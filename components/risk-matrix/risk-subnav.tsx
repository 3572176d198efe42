import { Subnav } from "@/components/ui/subnav";

export type RiskTab = "register" | "heat-map" | "matrix" | "library";

/** Tabs of the risk section: the register (CRUD), the heat map, the matrix settings, the library. */
export function RiskSubnav({ engagementId, current }: { engagementId: string; current: RiskTab }) {
  const base = `/engagements/${engagementId}/risks`;
  return (
    <Subnav
      label="Risk pages"
      current={current}
      tabs={[
        { id: "register", label: "Register", href: base },
        { id: "heat-map", label: "Heat map", href: `${base}/heat-map` },
        { id: "library", label: "Library", href: `${base}/library` },
        { id: "matrix", label: "Matrix", href: `${base}/matrix` },
      ]}
    />
  );
}
