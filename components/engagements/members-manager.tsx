"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { SelectField, TextField, controlClass } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";
import { MemberAddSchema } from "@/lib/engagements/schema";

type Member = { userId: string; name: string; email: string; role: Role; isDisabled: boolean };
type Act<T = undefined> = (input: unknown) => Promise<ActionResult<T>>;

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function MembersManager(props: { engagementId: string; members: Member[]; currentUserId: string; canManage: boolean; addMember: Act<{ userId: string }>; setRole: Act; removeMember: Act }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = { engagementId: props.engagementId, ...Object.fromEntries(new FormData(event.currentTarget)) };
    const parsed = MemberAddSchema.safeParse(raw);
    if (!parsed.success) return setErrors(fieldErrorsFrom(parsed.error));
    setPending(true);
    const res = await props.addMember(raw);
    setPending(false);
    if (res.ok) {
      setErrors({});
      setFormKey((k) => k + 1);
      toast.success("Member added");
      router.refresh();
    } else if (res.code === "INVALID") setErrors(res.fieldErrors);
    else toast.error(res.message);
  }

  async function run(p: Promise<ActionResult<unknown>>, ok: string) {
    const res = await p;
    if (res.ok) {
      toast.success(ok);
      router.refresh();
    } else toast.error(res.message);
  }

  return (
    <Card>
      <CardHeader title={`${props.members.length} member${props.members.length === 1 ? "" : "s"}`} description={props.canManage ? "Add people of your firm by email. Leads manage members." : "Only the engagement lead can change members."} />
      <CardBody className="space-y-5">
        <ul className="divide-y divide-ink-100" aria-label="Members">
          {props.members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <div className="text-sm font-medium text-ink-900">{m.name} {m.userId === props.currentUserId ? <span className="text-ink-500">(you)</span> : null} {m.isDisabled ? <Badge tone="red">Disabled</Badge> : null}</div>
                <div className="text-sm text-ink-500">{m.email}</div>
              </div>
              {props.canManage ? (
                <div className="flex items-center gap-2">
                  <label className="sr-only" htmlFor={`role-${m.userId}`}>Role of {m.name}</label>
                  <select id={`role-${m.userId}`} defaultValue={m.role} className={`${controlClass} w-48`} onChange={(e) => run(props.setRole({ engagementId: props.engagementId, userId: m.userId, role: e.target.value }), "Role updated")}>
                    {roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                  <Button variant="ghost" size="sm" aria-label={`Remove ${m.name}`} onClick={() => { if (window.confirm(`Remove ${m.name} from this engagement?`)) void run(props.removeMember({ engagementId: props.engagementId, userId: m.userId }), "Member removed"); }}>Remove</Button>
                </div>
              ) : (
                <Badge tone="brand">{ROLE_LABELS[m.role]}</Badge>
              )}
            </li>
          ))}
        </ul>
        {props.canManage ? (
          <form key={formKey} onSubmit={onAdd} noValidate className="flex flex-wrap items-start gap-3 border-t border-ink-100 pt-5" aria-label="Add member">
            <TextField label="Email" name="email" type="email" error={errors.email} className="min-w-64 flex-1" placeholder="colleague@yourfirm.com" />
            <SelectField label="Role" name="role" defaultValue="consultant" error={errors.role} options={roleOptions} className="w-52" />
            <Button type="submit" pending={pending} className="mt-7">Add member</Button>
          </form>
        ) : null}
      </CardBody>
    </Card>
  );
}
