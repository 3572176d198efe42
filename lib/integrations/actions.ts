"use server";
// Integration-inventory server actions (needs inventory.edit): the generic row actions (lib/inventories/row-actions.ts).
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import { rowActions } from "@/lib/inventories/row-actions";
import { integrationStore } from "@/lib/integrations/data";
import { IntegrationCreateSchema, IntegrationUpdateSchema } from "@/lib/integrations/schema";

const actions = rowActions({ section: "integrations", capability: "inventory.edit", createSchema: IntegrationCreateSchema, updateSchema: IntegrationUpdateSchema, store: integrationStore });

export async function createIntegrationAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.create(input);
}

export async function updateIntegrationAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.update(input);
}

export async function deleteIntegrationAction(input: unknown): Promise<ActionResult> {
  return actions.remove(input);
}
