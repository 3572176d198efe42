"use client";
// A small modal confirmation (e.g. before a delete). Cancel has the focus, so Enter never deletes by accident;
// Esc cancels; focus returns to whatever opened it.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnFocus.current?.isConnected) returnFocus.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-2xl backdrop:bg-ink-900/40"
    >
      {open ? (
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold">{title}</h2>
          {children ? <div className="mt-2 text-sm text-ink-600">{children}</div> : null}
          <div className="mt-5 flex justify-end gap-2">
            <Button ref={cancelRef} variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>
            <Button variant="danger" onClick={onConfirm} pending={pending}>{confirmLabel}</Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
