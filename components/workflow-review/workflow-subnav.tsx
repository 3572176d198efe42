import { Subnav } from "@/components/ui/subnav";

export type WorkflowTab = "inventory" | "review" | "sign-off";

/** Tabs of the workflows section: the inventory (CRUD), the clinical review queue, the sign-off. */
export function WorkflowSubnav({ engagementId, current }: { engagementId: string; current: WorkflowTab }) {
  const base = `/engagements/${engagementId}/workflows`;
  const tabs: { id: WorkflowTab; label: string; href: string }[] = [
    { id: "inventory", label: "Inventory", href: base },
    { id: "review", label: "Clinical review", href: `${base}/review` },
    { id: "sign-off", label: "Sign-off", href: `${base}/sign-off` },
  ];
  return <Subnav label="Workflow pages" tabs={tabs} current={current} />;
}
