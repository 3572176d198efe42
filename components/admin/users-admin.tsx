"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import { PasswordResetSchema, UserCreateSchema } from "@/lib/users/schema";

type UserRow = { id: string; name: string; email: string; isOrgAdmin: boolean; isDisabled: boolean; engagementCount: number };

export function UsersAdmin(props: {
  users: UserRow[];
  currentUserId: string;
  createUser: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  resetPassword: (input: unknown) => Promise<ActionResult>;
  setDisabled: (input: unknown, disabled: boolean) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [resetErrors, setResetErrors] = useState<FieldErrors>({});

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fd = new FormData(event.currentTarget);
    const raw = { name: fd.get("name"), email: fd.get("email"), password: fd.get("password"), isOrgAdmin: fd.get("isOrgAdmin") === "on" };
    const parsed = UserCreateSchema.safeParse(raw);
    if (!parsed.success) return setErrors(fieldErrorsFrom(parsed.error));
    setPending(true);
    const res = await props.createUser(raw);
    setPending(false);
    if (res.ok) {
      setErrors({});
      setFormKey((k) => k + 1);
      toast.success("User created. Share the temporary password with them securely.");
      router.refresh();
    } else if (res.code === "INVALID") setErrors(res.fieldErrors);
    else toast.error(res.message);
  }

  async function onReset(event: FormEvent<HTMLFormElement>, userId: string) {
    event.preventDefault();
    const raw = { userId, password: new FormData(event.currentTarget).get("password") };
    const parsed = PasswordResetSchema.safeParse(raw);
    if (!parsed.success) return setResetErrors(fieldErrorsFrom(parsed.error));
    const res = await props.resetPassword(raw);
    if (res.ok) {
      setResetFor(null);
      setResetErrors({});
      toast.success("Password reset. Their other sessions were signed out.");
    } else if (res.code === "INVALID") setResetErrors(res.fieldErrors);
    else toast.error(res.message);
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={`${props.users.length} user${props.users.length === 1 ? "" : "s"}`} />
        <ul className="divide-y divide-ink-100" aria-label="Users">
          {props.users.map((u) => (
            <li key={u.id} className="px-5 py-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <div className="text-sm font-medium text-ink-900">
                    {u.name} {u.isOrgAdmin ? <Badge tone="brand">Admin</Badge> : null} {u.isDisabled ? <Badge tone="red">Disabled</Badge> : null}
                  </div>
                  <div className="text-sm text-ink-500">{u.email} · {u.engagementCount} engagement{u.engagementCount === 1 ? "" : "s"}</div>
                </div>
                <div className="flex gap-2">
                  <Button variant="secondary" size="sm" onClick={() => { setResetFor(resetFor === u.id ? null : u.id); setResetErrors({}); }}>Reset password</Button>
                  {u.id !== props.currentUserId ? (
                    <Button variant="ghost" size="sm" onClick={async () => {
                      const res = await props.setDisabled({ userId: u.id }, !u.isDisabled);
                      if (res.ok) { toast.success(u.isDisabled ? "User enabled" : "User disabled and signed out"); router.refresh(); } else toast.error(res.message);
                    }}>{u.isDisabled ? "Enable" : "Disable"}</Button>
                  ) : null}
                </div>
              </div>
              {resetFor === u.id ? (
                <form onSubmit={(e) => onReset(e, u.id)} noValidate className="mt-3 flex flex-wrap items-start gap-3" aria-label={`Reset password for ${u.name}`}>
                  <TextField label="New temporary password" name="password" type="password" autoComplete="new-password" error={resetErrors.password} hint="12–128 characters" className="min-w-72" />
                  <Button type="submit" className="mt-7">Set password</Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardHeader title="Add a user" description="They sign in with this email and the temporary password you set." />
        <CardBody>
          <form key={formKey} onSubmit={onCreate} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Add a user">
            <TextField label="Name" name="name" error={errors.name} required />
            <TextField label="Email" name="email" type="email" error={errors.email} required />
            <TextField label="Temporary password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="12–128 characters; not a common password" required />
            <div className="flex items-end pb-2"><CheckboxField label="Administrator" name="isOrgAdmin" hint="Can create users and reset passwords" /></div>
            <div className="sm:col-span-2"><Button type="submit" pending={pending}>Create user</Button></div>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}
