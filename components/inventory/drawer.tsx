"use client";
// A side panel on a native modal <dialog>: the rest of the page is inert while it is open, focus moves into
// it and returns to whatever opened it; Esc closes it (the owner may veto, e.g. to keep unsaved changes).
import { useEffect, useId, useRef, type ReactNode } from "react";
import { X } from "lucide-react";
import { cn } from "@/components/ui/cn";

export function Drawer({
  open,
  title,
  description,
  onClose,
  children,
  footer,
  width = "md",
  onSubmit,
  formLabel,
}: {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  /** Called for Esc, the close button and a click on the backdrop. Return false to keep the panel open. */
  onClose: () => boolean | void;
  children: ReactNode;
  footer?: ReactNode;
  width?: "md" | "lg";
  /** When given, the body and footer are one <form> (Enter submits; Ctrl/⌘+Enter submits from a text area). */
  onSubmit?: () => void;
  formLabel?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // the first field, not the close button
      requestAnimationFrame(() => dialog.querySelector<HTMLElement>("[data-autofocus], input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])")?.focus());
    } else if (!open && dialog.open) {
      dialog.close();
      const target = returnFocus.current;
      if (target && target.isConnected) target.focus();
    }
  }, [open]);

  const body = (
    <>
      <div className="flex-1 overflow-y-auto px-6 py-5">{children}</div>
      {footer ? <div className="flex flex-wrap items-center gap-3 border-t border-ink-100 bg-ink-50 px-6 py-3">{footer}</div> : null}
    </>
  );

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      className={cn(
        "fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full overflow-hidden bg-white p-0 shadow-2xl backdrop:bg-ink-900/30",
        width === "lg" ? "max-w-3xl" : "max-w-2xl",
      )}
    >
      {open ? (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-4 border-b border-ink-100 px-6 py-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
              {description ? <p className="mt-0.5 text-sm text-ink-500">{description}</p> : null}
            </div>
            <button type="button" onClick={() => onClose()} className="rounded-md p-1.5 text-ink-500 hover:bg-ink-100 hover:text-ink-800" aria-label="Close panel">
              <X className="size-5" aria-hidden />
            </button>
          </div>
          {onSubmit ? (
            <form
              noValidate
              aria-label={formLabel}
              className="flex min-h-0 flex-1 flex-col"
              onSubmit={(e) => {
                e.preventDefault();
                onSubmit();
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                  e.preventDefault();
                  onSubmit();
                }
              }}
            >
              {body}
            </form>
          ) : (
            body
          )}
        </div>
      ) : null}
    </dialog>
  );
}
