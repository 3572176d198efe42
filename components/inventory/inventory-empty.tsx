"use client";
// The empty state of an inventory: what the inventory is for and how to start — add a row, import a file,
// or (risks) add from the library. Read-only roles are told who fills it.
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { Plus, Upload, Library } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function InventoryEmpty({
  icon,
  title,
  children,
  addLabel,
  onAdd,
  importHref,
  libraryHref,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  addLabel: string;
  onAdd?: () => void;
  importHref?: string;
  libraryHref?: string;
}) {
  const canAct = Boolean(onAdd || importHref || libraryHref);
  return (
    <EmptyState
      icon={icon}
      title={title}
      actions={
        canAct ? (
          <>
            {onAdd ? (
              <Button onClick={onAdd}>
                <Plus className="size-4" aria-hidden /> {addLabel}
              </Button>
            ) : null}
            {libraryHref ? (
              <Link href={libraryHref} className={buttonClass("secondary")}>
                <Library className="size-4" aria-hidden /> Add from the library
              </Link>
            ) : null}
            {importHref ? (
              <Link href={importHref} className={buttonClass("secondary")}>
                <Upload className="size-4" aria-hidden /> Import a spreadsheet
              </Link>
            ) : null}
          </>
        ) : undefined
      }
    >
      {children}
      {!canAct ? <p className="mt-2">Consultants on this engagement fill it in; it appears here as they do.</p> : null}
    </EmptyState>
  );
}
