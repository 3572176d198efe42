// The server actions every inventory shares, for one inventory: create / update / delete of a row and the bulk
// edit of selected rows, each runAction → requireUser → schema → requireEngagementAccess(capability) → archived
// refusal → mutation → revalidate. lib/inventories/actions.ts ("use server") dispatches to these by inventory.
import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess, type AuthorizedEngagementId } from "@/lib/auth/access";
import type { Capability } from "@/lib/auth/access-matrix";
import { AppError, defaultMessage, invalid, type ActionResult } from "@/lib/errors";
import { bulkInput, invalidValues, refuseIfArchived, RowDeleteSchema, type SavedRow } from "@/lib/inventories/action-input";
import type { RowStore } from "@/lib/inventories/data";
import { bulkFieldsOf } from "@/lib/inventories/derive";
import { bulkUpdateRows, createRow, deleteRow, updateRow, type Actor, type RowWriteHooks } from "@/lib/inventories/mutations";

export function rowActions<V extends object>(opts: {
  /** The engagement section to revalidate ("data" → /engagements/:id/data). */
  section: string;
  capability: Capability;
  createSchema: z.ZodType<{ engagementId: string; values: V }>;
  updateSchema: z.ZodType<{ engagementId: string; id: string; version: number; values: V }>;
  store: RowStore<object>;
  /** Where the inventory's writes differ (lib/<inventory>/mutations.ts); none for most. */
  hooks?: RowWriteHooks<V>;
}) {
  const hooks = opts.hooks ?? {};
  const bulkFields = new Map(bulkFieldsOf(opts.store.definition));
  const bulkSchema = bulkFields.size ? bulkInput([...bulkFields.keys()] as [string, ...string[]]) : null;
  const revalidate = (engagementId: string) => {
    revalidatePath(`/engagements/${engagementId}/${opts.section}`);
    revalidatePath(`/engagements/${engagementId}`);
  };
  /** Parse → access (capability, not archived) → write → revalidate. */
  const run = <P extends { engagementId: string }, T>(schema: z.ZodType<P>, onInvalid: (e: z.ZodError) => ActionResult<never>, write: (p: P, engagementId: AuthorizedEngagementId, actor: Actor, rid: string) => Promise<T>) =>
    (input: unknown): Promise<ActionResult<T>> =>
      runAction(async (rid) => {
        const user = await requireUser();
        const parsed = schema.safeParse(input);
        if (!parsed.success) return onInvalid(parsed.error);
        const access = await requireEngagementAccess(user.id, parsed.data.engagementId, opts.capability);
        refuseIfArchived(access);
        const data = await write(parsed.data, access.engagementId, { ...user, role: access.role }, rid);
        revalidate(access.engagementId);
        return { ok: true, data };
      });
  return {
    create: run(opts.createSchema, invalidValues, (p, e, actor, rid): Promise<SavedRow> => createRow(opts.store, hooks, e, actor, p.values, rid)),
    update: run(opts.updateSchema, invalidValues, (p, e, actor, rid): Promise<SavedRow> => updateRow(opts.store, hooks, e, actor, p.id, p.version, p.values, rid)),
    remove: run(RowDeleteSchema, invalid, async (p, e, actor, rid): Promise<undefined> => {
      await deleteRow(opts.store, e, actor, p.id, p.version, rid);
      return undefined;
    }),
    /** Set one bulk field to one value on the selected rows: { engagementId, rows: [{ id, version }], field, value }. */
    bulkUpdate: run(bulkSchema ?? bulkInput(["-"]), invalid, async (p, e, actor, rid): Promise<{ updated: number }> => {
      const field = bulkFields.get(p.field);
      if (!field?.formSchema) throw new AppError("INVALID", `${opts.store.definition.label}: no field can be set on many rows at once.`, {});
      const parsed = field.formSchema.safeParse(p.value);
      if (!parsed.success) throw new AppError("INVALID", defaultMessage("INVALID"), { value: parsed.error.issues.map((i) => i.message) });
      return bulkUpdateRows(opts.store, e, actor, p.rows, p.field, parsed.data, rid);
    }),
  };
}
