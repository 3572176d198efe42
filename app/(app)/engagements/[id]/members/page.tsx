import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { findMembers } from "@/lib/engagements/data";
import { addMemberAction, removeMemberAction, setMemberRoleAction } from "@/lib/engagements/actions";
import { can, CAPABILITIES, CAPABILITY_DESCRIPTIONS, ROLES, ROLE_LABELS, type Capability } from "@/lib/auth/access-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { MembersManager } from "@/components/engagements/members-manager";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, access } = await requirePageAccess(id, "engagement.view");
  const members = await findMembers(access.engagementId);
  const canManage = can(access.role, "members.manage");
  return (
    <main className="space-y-6">
      <PageHeader title="Members" description="Only members see this engagement. Roles decide what each member can do." />
      <MembersManager
        engagementId={access.engagementId}
        members={members}
        currentUserId={user.id}
        canManage={canManage}
        addMember={addMemberAction}
        setRole={setMemberRoleAction}
        removeMember={removeMemberAction}
      />
      <Card>
        <CardHeader title="What each role can do" description="The same matrix the server enforces on every page and action." />
        <CardBody className="relative overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-ink-500">
              <tr>
                <th scope="col" className="py-2 pr-4">Capability</th>
                {ROLES.map((r) => <th key={r} scope="col" className="px-3 py-2 text-center">{ROLE_LABELS[r]}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {(Object.keys(CAPABILITIES) as Capability[]).map((cap) => (
                <tr key={cap}>
                  <td className="py-2 pr-4 text-ink-700">{CAPABILITY_DESCRIPTIONS[cap]}</td>
                  {ROLES.map((r) => (
                    <td key={r} className="px-3 py-2 text-center">{can(r, cap) ? <span aria-label="allowed" className="text-emerald-700">✓</span> : <span aria-label="not allowed" className="text-ink-300">—</span>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </CardBody>
      </Card>
    </main>
  );
}
