// The integration inventory: every interface, rebuilt one at a time, most clinically critical first.
import {
  DIRECTIONS, INTEGRATION_KINDS, INTEGRATION_STANDARDS, INTERFACE_COMPLEXITIES, SEVERITIES, TRANSITION_STRATEGIES, WORK_STATUSES,
} from "@/lib/engagement-format/vocabularies";
import { defineInventory } from "@/lib/inventories/definition";
import { choice, requiredChoice, requiredTextField, textField } from "@/lib/inventories/fields";

const WORK_STATUS_ALIASES = ["Work status", "Progress", "State"];

export const INTEGRATION_DEFINITION = defineInventory({
  key: "integrations",
  label: "Integration inventory",
  noun: "integration",
  nounPlural: "integrations",
  entityType: "integration",
  section: "integrations",
  keyFields: ["name"],
  keyMessage: "This engagement already has an interface with this name",
  // "prioritized by clinical impact" (PRODUCT.md): the most critical interfaces come first
  defaultSort: "clinicalImpact",
  defaultDir: "desc",
  searchPlaceholder: "Search interfaces…",
  fields: {
    name: requiredTextField(200, {
      label: "Name", key: true, table: "Interface", sort: true, search: true, placeholder: "e.g. Quest lab results",
      aliases: ["Interface", "Interface name", "Integration", "Integration name", "Feed", "Feed name"],
      help: "The interface's name; identifies the row.",
    }),
    kind: requiredChoice(INTEGRATION_KINDS, {
      label: "Kind", message: "Choose the kind of interface", table: true, sort: true, filter: "kind",
      aliases: ["Type", "Interface type", "Integration type", "Category"],
      help: "What the interface is for.",
    }),
    standard: requiredChoice(INTEGRATION_STANDARDS, {
      label: "Standard", message: "Choose the standard", table: true, sort: true, filter: "standard",
      aliases: ["Protocol", "Format", "Message standard", "Interface standard", "Message format"],
      help: "Message standard or transport.",
    }),
    messageTypes: textField(300, {
      label: "Message types", search: true, placeholder: "e.g. ORM^O01, ORU^R01 or 270/271, 837P",
      aliases: ["Messages", "Message type", "Transactions", "Event types", "Message / event types"],
      help: "E.g. ORM^O01, ORU^R01 or 270/271, 837P.",
    }),
    direction: requiredChoice(DIRECTIONS, {
      label: "Direction", message: "Choose the direction", sort: true,
      aliases: ["Flow", "Data flow", "In / out", "Inbound / outbound"],
      help: "Seen from the EMR: inbound, outbound or both.",
    }),
    partner: textField(200, {
      label: "Partner", sort: true, search: true, placeholder: "e.g. Quest Diagnostics, Surescripts",
      aliases: ["Vendor", "Trading partner", "Counterparty", "Partner / vendor", "External system"],
      help: "The other party (lab, payer, vendor).",
    }),
    sourceEndpoint: textField(300, {
      label: "Source endpoint", search: true, placeholder: "e.g. Mirth channel LAB_IN, sftp://…",
      aliases: ["Endpoint", "Current endpoint", "Source-side endpoint", "Source interface", "Current connection"],
      help: "How it connects today, on the source side.",
    }),
    replacementPlan: textField(2000, {
      label: "Replacement plan", multiline: true, search: true, placeholder: "What replaces it on the destination side, and who builds it",
      aliases: ["Destination plan", "Destination-side replacement", "Target plan", "Replacement", "Destination replacement"],
      help: "How it is rebuilt on the destination side.",
    }),
    transitionStrategy: choice(TRANSITION_STRATEGIES, "undecided", {
      label: "Transition strategy", bulk: true, table: "Transition", sort: true, filter: "strategy", hint: "Run both in parallel, or cut over and switch?",
      aliases: ["Transition", "Cutover strategy", "Strategy"],
      help: "Parallel run, cut and switch, or retire.",
    }),
    clinicalImpact: choice(SEVERITIES, "medium", {
      label: "Clinical impact", bulk: true, table: "Impact", sort: true, filter: "impact", hint: "Integrations are rebuilt one at a time, most critical first",
      aliases: ["Impact", "Priority", "Clinical priority", "Criticality"],
      help: "Clinical impact if it fails (drives the rebuild order).",
    }),
    complexity: choice(INTERFACE_COMPLEXITIES, "medium", {
      label: "Complexity", bulk: true, table: true, sort: true, filter: "complexity",
      aliases: ["Interface complexity", "Effort", "Difficulty"],
      help: "Interface build complexity.",
    }),
    status: choice(WORK_STATUSES, "not_started", {
      label: "Status", bulk: true, table: true, sort: true, filter: "status",
      aliases: WORK_STATUS_ALIASES,
      help: "Where the migration work on this interface stands — not whether it runs in the source system today: an interface that is live there and not yet worked on is Not started.",
    }),
  },
  example: {
    name: "Quest lab orders and results", kind: "lab_results", standard: "hl7v2", messageTypes: "ORM^O01, ORU^R01", direction: "bidirectional",
    partner: "Quest Diagnostics", sourceEndpoint: "Mirth channel QUEST_OUT (VPN)", replacementPlan: "Destination's native Quest interface",
    transitionStrategy: "parallel_run", clinicalImpact: "critical", complexity: "medium", status: "not_started",
  },
});
