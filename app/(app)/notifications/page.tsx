// /notifications – the signed-in user's inbox (changes requested, answered, sign-off requested).
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { findNotifications } from "@/lib/notifications/data";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { PageHeader } from "@/components/ui/page-header";
import { NotificationInbox } from "@/components/notifications/inbox";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const { items, unread } = await findNotifications(user.id);
  return (
    <main id="main-content" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 focus:outline-none sm:px-6">
      <PageHeader title="Notifications" description="What the clinical review needs from you, across your engagements. When the firm has e-mail set up, unread ones also arrive in a digest." />
      <NotificationInbox items={items} unread={unread} markRead={markNotificationsReadAction} />
    </main>
  );
}
