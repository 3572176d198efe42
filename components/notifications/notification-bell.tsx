// The bell in the app header: a link to the inbox with the unread count (server-rendered on each page).
import Link from "@/components/ui/link";
import { Bell } from "lucide-react";

export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex size-9 items-center justify-center rounded-md text-white/85 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <Bell className="size-5" aria-hidden />
      {unread > 0 ? (
        <span className="tabular absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-semibold leading-5 text-ink-900" aria-hidden data-testid="notification-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
