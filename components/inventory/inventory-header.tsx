// The header every inventory page shares: title, description, import/export menu and the "Add …" button
// (shown only when the role may edit; the server action still checks).
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TransferMenu } from "@/components/inventory/transfer-menu";
import type { InventoryKey } from "@/lib/inventories/registry";

export function InventoryHeader(props: {
  title: string;
  description?: string;
  engagementId: string;
  inventory: InventoryKey;
  canImport: boolean;
  canExport: boolean;
  /** "Add risk"; the button shows only with `onAdd` */
  addLabel: string;
  onAdd?: () => void;
}) {
  return (
    <PageHeader
      title={props.title}
      description={props.description}
      actions={
        <>
          <TransferMenu engagementId={props.engagementId} inventory={props.inventory} canImport={props.canImport} canExport={props.canExport} />
          {props.onAdd ? (
            <Button onClick={props.onAdd}>
              <Plus className="size-4" aria-hidden /> {props.addLabel}
            </Button>
          ) : null}
        </>
      }
    />
  );
}
