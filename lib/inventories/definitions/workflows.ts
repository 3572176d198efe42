// The workflow inventory: order sets, alerts, templates… and whether each must survive cutover unchanged.
// reviewStatus belongs to the clinical review (lib/workflow-review): shown, never set by this form.
import { COMPLEXITIES, DISPOSITIONS, REVIEW_STATUSES, WORKFLOW_KINDS } from "@/lib/engagement-format/vocabularies";
import { defineInventory } from "@/lib/inventories/definition";
import { choice, ownedElsewhere, requiredChoice, requiredTextField, textField, wholeNumberField } from "@/lib/inventories/fields";
import { NOTES } from "@/lib/inventories/definitions/common";

export const WORKFLOW_DEFINITION = defineInventory({
  key: "workflows",
  label: "Workflow inventory",
  noun: "workflow item",
  nounPlural: "workflow items",
  entityType: "workflow_item",
  section: "workflows",
  keyFields: ["kind", "department", "name"],
  keyMessage: "This engagement already has a workflow of this kind with this name in this department",
  defaultSort: "kind",
  searchPlaceholder: "Search workflows…",
  fields: {
    kind: requiredChoice(WORKFLOW_KINDS, {
      label: "Kind", key: true, message: "Choose the kind of workflow", table: true, sort: true, filter: "kind",
      aliases: ["Type", "Workflow type", "Workflow kind", "Item type", "Category"],
      help: "What kind of workflow artefact this is.",
    }),
    name: requiredTextField(200, {
      label: "Name", key: true, table: true, sort: true, search: true, placeholder: "e.g. Chest pain admission order set",
      aliases: ["Workflow", "Workflow name", "Item", "Item name", "Title"],
      help: "Its name. With Kind and Department, identifies the row.",
    }),
    department: textField(200, {
      label: "Department", key: true, table: true, sort: true, search: true, placeholder: "e.g. Cardiology (empty = organization-wide)",
      aliases: ["Dept", "Specialty", "Service line", "Clinic", "Area"],
      help: "Owning department or specialty; blank for organization-wide items.",
    }),
    quantity: wholeNumberField(1, 1_000_000, 1, {
      label: "Quantity", table: true, sort: true, hint: "One row may stand for many, e.g. 42 order sets",
      aliases: ["Qty", "How many", "Instances"],
      help: "How many items this row stands for (e.g. 42 cardiology order sets). Default 1.",
    }),
    complexity: choice(COMPLEXITIES, "medium", {
      label: "Complexity", bulk: true, table: true, sort: true, filter: "complexity",
      aliases: ["Effort", "Difficulty"],
      help: "Rebuild complexity.",
    }),
    disposition: choice(DISPOSITIONS, "undecided", {
      label: "Disposition", bulk: true, table: true, sort: true, filter: "disposition", hint: "Must it survive cutover unchanged, or may it change?",
      aliases: ["Survive cutover?", "Must survive?", "Change allowed?", "Cutover disposition", "Keep / change", "Keep or change"],
      help: "Must it survive cutover unchanged, may it change, or is it retired?",
    }),
    reviewStatus: ownedElsewhere(choice(REVIEW_STATUSES, "not_reviewed", {
      label: "Review status", table: "Clinical review", sort: true, filter: "review",
      aliases: ["Clinical review", "Review", "Reviewed", "Approval status", "Approval"],
      help: "Clinical review state.",
    })),
    notes: NOTES,
  },
  example: {
    kind: "order_set", name: "Chest pain admission", department: "Cardiology", quantity: 12, complexity: "high",
    disposition: "must_survive", reviewStatus: "not_reviewed", notes: "Includes the troponin protocol",
  },
});
