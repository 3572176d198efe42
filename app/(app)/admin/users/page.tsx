import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { findOrganization, findOrganizationUsers } from "@/lib/users/data";
import { createUserAction, resetPasswordAction, setUserDisabledAction } from "@/lib/users/actions";
import { PageHeader } from "@/components/ui/page-header";
import { UsersAdmin } from "@/components/admin/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireUser();
  if (!user.isOrgAdmin) notFound();
  const [org, users] = await Promise.all([findOrganization(user.organizationId), findOrganizationUsers(user.organizationId)]);
  return (
    <main id="main-content" tabIndex={-1} className="focus:outline-none mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <PageHeader eyebrow={org.name} title="Users" description="People of your firm who can sign in. Engagement leads then add them to engagements with a role." />
      <UsersAdmin users={users} currentUserId={user.id} createUser={createUserAction} resetPassword={resetPasswordAction} setDisabled={setUserDisabledAction} />
    </main>
  );
}
