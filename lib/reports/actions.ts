"use server";
// Report-inventory server actions (needs inventory.edit): the generic row actions (lib/inventories/row-actions.ts).
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import { rowActions } from "@/lib/inventories/row-actions";
import { reportStore } from "@/lib/reports/data";
import { ReportCreateSchema, ReportUpdateSchema } from "@/lib/reports/schema";

const actions = rowActions({ section: "reports", capability: "inventory.edit", createSchema: ReportCreateSchema, updateSchema: ReportUpdateSchema, store: reportStore });

export async function createReportAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.create(input);
}

export async function updateReportAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.update(input);
}

export async function deleteReportAction(input: unknown): Promise<ActionResult> {
  return actions.remove(input);
}
