"use server";
// Risk-register server actions (needs risks.edit): the generic row actions (lib/inventories/row-actions.ts) with the matrix check and library key.
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import { rowActions } from "@/lib/inventories/row-actions";
import { riskStore } from "@/lib/risks/data";
import { riskWriteHooks } from "@/lib/risks/mutations";
import { RiskCreateSchema, RiskUpdateSchema } from "@/lib/risks/schema";

const actions = rowActions({ section: "risks", capability: "risks.edit", createSchema: RiskCreateSchema, updateSchema: RiskUpdateSchema, store: riskStore, hooks: riskWriteHooks });

export async function createRiskAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.create(input);
}

export async function updateRiskAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.update(input);
}

export async function deleteRiskAction(input: unknown): Promise<ActionResult> {
  return actions.remove(input);
}
