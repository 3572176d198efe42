import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { signOutEverywhereAction } from "@/lib/users/actions";
import { UserMenu, SessionKeepAlive } from "@/components/auth/user-menu";
import { countUnreadNotifications } from "@/lib/notifications/data";
import { NotificationBell } from "@/components/notifications/notification-bell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await countUnreadNotifications(user.id);
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main-content" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3">
        Skip to content
      </a>
      <header className="no-print sticky top-0 z-20 bg-brand-900 text-white shadow">
        <div className="mx-auto flex h-14 max-w-[1400px] items-center justify-between px-4 sm:px-6">
          <div className="flex items-center gap-6">
            <Link href="/engagements" className="flex items-center gap-2 font-semibold tracking-tight">
              <svg viewBox="0 0 24 24" className="size-6" aria-hidden>
                <path d="M2 9c3 0 3-2 6-2s3 2 6 2 3-2 6-2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                <path d="M12 11v9m0 0-3-3m3 3 3-3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              Sounding
            </Link>
            <nav className="hidden items-center gap-1 text-sm sm:flex" aria-label="Main">
              <Link href="/engagements" className="rounded-md px-3 py-1.5 text-white/85 hover:bg-white/10 hover:text-white">Engagements</Link>
              {user.isOrgAdmin ? <Link href="/admin/users" className="rounded-md px-3 py-1.5 text-white/85 hover:bg-white/10 hover:text-white">Users</Link> : null}
            </nav>
          </div>
          <div className="flex items-center gap-2">
            <NotificationBell unread={unread} />
            <UserMenu name={user.name} email={user.email} isOrgAdmin={user.isOrgAdmin} signOutEverywhere={signOutEverywhereAction} />
          </div>
        </div>
      </header>
      <SessionKeepAlive />
      <div className="flex-1">{children}</div>
    </div>
  );
}
