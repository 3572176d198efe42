"use server";
// Workflow-inventory server actions (needs inventory.edit): the generic row actions (lib/inventories/row-actions.ts) with the review status kept out of the form.
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import { rowActions } from "@/lib/inventories/row-actions";
import { workflowStore } from "@/lib/workflows/data";
import { workflowWriteHooks } from "@/lib/workflows/mutations";
import { WorkflowCreateSchema, WorkflowUpdateSchema } from "@/lib/workflows/schema";

const actions = rowActions({ section: "workflows", capability: "inventory.edit", createSchema: WorkflowCreateSchema, updateSchema: WorkflowUpdateSchema, store: workflowStore, hooks: workflowWriteHooks });

export async function createWorkflowItemAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.create(input);
}

export async function updateWorkflowItemAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.update(input);
}

export async function deleteWorkflowItemAction(input: unknown): Promise<ActionResult> {
  return actions.remove(input);
}
