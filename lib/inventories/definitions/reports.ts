// The report inventory: what must be reproduced on the destination, regulatory submissions first.
import { COMPLEXITIES, FREQUENCIES, REPORT_KINDS, WORK_STATUSES } from "@/lib/engagement-format/vocabularies";
import { defineInventory } from "@/lib/inventories/definition";
import { choice, requiredChoice, requiredTextField, textField, yesNoField } from "@/lib/inventories/fields";

export const REPORT_DEFINITION = defineInventory({
  key: "reports",
  label: "Report inventory",
  noun: "report",
  nounPlural: "reports",
  entityType: "report",
  section: "reports",
  keyFields: ["name"],
  keyMessage: "This engagement already has a report with this name",
  defaultSort: "name",
  searchPlaceholder: "Search reports…",
  fields: {
    name: requiredTextField(200, {
      label: "Name", key: true, table: "Report", sort: true, search: true, placeholder: "e.g. MIPS quality measures submission",
      aliases: ["Report", "Report name", "Title", "Dashboard", "Report title"],
      help: "The report's name; identifies the row.",
    }),
    kind: requiredChoice(REPORT_KINDS, {
      label: "Kind", message: "Choose the kind of report", table: true, sort: true, filter: "kind",
      aliases: ["Type", "Report type", "Category"],
      help: "Operational, financial, clinical dashboard or regulatory submission.",
    }),
    consumers: textField(500, {
      label: "Consumers", sort: true, search: true, placeholder: "Who relies on it: CMS, the quality team, the CFO…",
      aliases: ["Audience", "Users", "Recipients", "Downstream consumers", "Used by", "Consumer"],
      help: "Who relies on it downstream.",
    }),
    frequency: choice(FREQUENCIES, "monthly", {
      label: "Frequency", bulk: true, table: true, sort: true, filter: "frequency",
      aliases: ["Cadence", "Schedule", "Run frequency", "How often"],
      help: "How often it runs.",
    }),
    complexity: choice(COMPLEXITIES, "medium", {
      label: "Complexity", bulk: true, table: true, sort: true,
      aliases: ["Effort", "Difficulty"],
      help: "Rebuild complexity.",
    }),
    reproducibilityPlan: textField(2000, {
      label: "Reproducibility plan", multiline: true, table: true, search: true,
      placeholder: "How this report is reproduced on the destination: rebuilt, vendor-supplied, or retired — and how its numbers are checked",
      aliases: ["Reproducibility", "Rebuild plan", "Destination plan", "How to reproduce", "Plan"],
      help: "How it is reproduced on the destination (empty on a regulatory report is flagged).",
    }),
    parallelValidation: yesNoField({
      label: "Validated in parallel", bulk: true, header: "Parallel validation", table: "Parallel run",
      hint: "Source and destination produce it side by side for at least one cycle and the numbers are compared",
      aliases: ["Validate in parallel", "Parallel run", "Parallel validation?", "Side-by-side validation"],
      help: "Validated side by side with the source before cutover? Yes/No.",
    }),
    status: choice(WORK_STATUSES, "not_started", {
      label: "Status", bulk: true, table: true, sort: true, filter: "status",
      aliases: ["Work status", "Progress", "State"],
      help: "Where the migration work on this report stands — not whether it runs in the source system today: a report that is live there and not yet worked on is Not started.",
    }),
  },
  example: {
    name: "MIPS quality measures submission", kind: "regulatory", consumers: "Quality team; CMS", frequency: "annual", complexity: "high",
    reproducibilityPlan: "Destination's certified MIPS registry export", parallelValidation: true, status: "not_started",
  },
});
