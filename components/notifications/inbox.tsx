"use client";
// The notification inbox: newest first, unread ones marked; each links to its item (opening it marks it
// read), one can be marked read on its own, or all at once.
import { useState } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Bell, CheckCheck, MessageSquareWarning, MessageSquareReply, BadgeCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/errors";
import { notificationHref, notificationTitle, type NotificationDto } from "@/lib/notifications/schema";

const ICONS = { changes_requested: MessageSquareWarning, changes_answered: MessageSquareReply, signoff_requested: BadgeCheck } as const;

export function NotificationInbox({ items, unread, markRead }: { items: NotificationDto[]; unread: number; markRead: (input: unknown) => Promise<ActionResult<{ marked: number }>> }) {
  const router = useRouter();
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<string | null>(null);
  const isRead = (n: NotificationDto) => n.readAt !== null || readIds.has(n.id);
  const unreadNow = items.filter((n) => !isRead(n)).length + Math.max(0, unread - items.filter((n) => n.readAt === null).length);

  async function mark(input: { ids: string[] } | { all: true }, key: string) {
    setPending(key);
    try {
      const res = await markRead(input);
      if (!res.ok) {
        toast.error(res.message);
        return;
      }
      setReadIds((s) => new Set([...s, ...("ids" in input ? input.ids : items.map((n) => n.id))]));
      router.refresh();
    } catch {
      toast.error("Sounding could not be reached. Try again.");
    } finally {
      setPending(null);
    }
  }

  if (items.length === 0) {
    return (
      <EmptyState icon={<Bell className="size-8" aria-hidden />} title="No notifications">
        You are told here when a clinical reviewer requests changes on a workflow item, when your change request is answered, and when you are asked to sign off.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-ink-700" data-testid="inbox-unread" aria-live="polite">
          {unreadNow === 0 ? "Everything is read." : `${unreadNow} unread`}
        </p>
        <Button variant="secondary" size="sm" disabled={unreadNow === 0} pending={pending === "all"} onClick={() => mark({ all: true }, "all")}>
          <CheckCheck className="size-4" aria-hidden /> Mark all read
        </Button>
      </div>
      <ul className="divide-y divide-ink-100 rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70" aria-label="Notifications">
        {items.map((n) => {
          const Icon = ICONS[n.kind] ?? Bell;
          const read = isRead(n);
          const title = notificationTitle(n);
          return (
            <li key={n.id} className={cn("flex items-start gap-3 px-4 py-3", !read && "bg-brand-50/60")} data-testid="notification" data-read={read ? "true" : "false"}>
              <Icon className={cn("mt-0.5 size-5 shrink-0", read ? "text-ink-500" : "text-brand-700")} aria-hidden />
              <div className="min-w-0 flex-1 text-sm">
                <span className="sr-only">{read ? "Read: " : "Unread: "}</span>
                <Link
                  href={notificationHref(n)}
                  className={cn("break-words underline-offset-2 hover:underline", read ? "text-ink-800" : "font-semibold text-brand-800")}
                  onClick={async (e) => {
                    // a plain click marks it read first (so the bell is current on arrival); new-tab clicks just open it
                    if (read || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
                    e.preventDefault();
                    await markRead({ ids: [n.id] }).catch(() => undefined);
                    router.push(notificationHref(n));
                  }}
                >
                  {title}
                </Link>
                {n.excerpt ? <p className="mt-0.5 break-words text-ink-700">“{n.excerpt}”</p> : null}
                <p className="mt-0.5 text-xs text-ink-600">
                  {n.engagementLabel} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                </p>
              </div>
              {!read ? (
                <Button variant="ghost" size="sm" className="shrink-0" pending={pending === n.id} onClick={() => mark({ ids: [n.id] }, n.id)} aria-label={`Mark read: ${title}`}>
                  Mark read
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
