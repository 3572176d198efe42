// More header words clients use, per inventory and column, on top of the aliases in columns.ts (which
// exports and templates also document). Kept apart so columns.ts stays the contract's column table.
// Compared after canonicalHeader (headers.ts), like the aliases there. Client-safe and pure.
import type { InventoryKey } from "@/lib/inventories/registry";

export const EXTRA_HEADER_ALIASES: Record<InventoryKey, Record<string, readonly string[]>> = {
  data: {
    entity: ["Data type / entity", "Data element", "Data set", "Dataset", "Record type", "Information type", "Clinical data type", "Content type", "What data"],
    sourceObject: ["Module / table", "Module", "Where it lives", "Location", "Source module", "Database table", "Stored in", "Source file", "Table / file"],
    recordCount: ["How many", "Approx volume", "Count", "Record count (approx)", "Size", "Rows (approx)"],
    yearsCovered: ["Yrs of history", "History", "Since", "Oldest record", "Data since", "Years retained", "Date range", "Lookback"],
    decision: ["Migrate / archive / leave", "Bring over", "Bring over?", "Disposition", "Migration plan", "Convert?", "Recommendation", "Migrate/Archive", "Plan"],
    quirks: ["Known issues", "Known problems", "Data issues", "Quality issues", "Issues / quirks", "Data quality notes", "Gotchas", "Known data issues"],
    decider: ["Owner", "Data owner", "Business owner", "Decision by", "Steward", "Data steward"],
    destinationEntity: ["New EHR", "Target location", "In new system"],
  },
  workflows: {
    kind: ["Workflow category", "Process type", "Artifact type"],
    name: ["Process", "Process name", "Workflow / process", "Description", "Workflow description"],
    department: ["Dept.", "Owner dept", "Department / specialty", "Unit", "Location"],
    quantity: ["Count", "Number of items", "How many items"],
    complexity: ["How hard?", "How hard", "Complexity (1-5)", "Level of effort", "LOE", "Build effort"],
    disposition: ["Must stay the same?", "Must stay the same", "Keep as is?", "Can we change it?"],
  },
  integrations: {
    name: ["Interface description", "Connection", "Interface / feed", "Description"],
    partner: ["Connects to", "Partner system", "Other system", "Third party", "External party", "Vendor / partner", "Target system", "To / from", "Remote system", "Receiving system"],
    standard: ["Standard / version", "Std", "Message standard / version", "Format / standard"],
    messageTypes: ["Msg types", "Events", "Trigger events", "Message events", "HL7 messages"],
    direction: ["In/Out", "Dir", "Dir.", "Flow direction"],
    sourceEndpoint: ["How", "Transport", "Connectivity", "Method", "Interface engine", "Engine", "Channel", "Connection method"],
    clinicalImpact: ["Criticality", "Clinical priority", "Importance", "Business criticality", "Priority (1-5)"],
    replacementPlan: ["Future state", "New EHR plan", "Target state"],
    complexity: ["Level of effort", "LOE", "Build effort"],
  },
  reports: {
    name: ["Report description", "Report / dashboard"],
    kind: ["Report category", "Category / type"],
    consumers: ["Requested by", "Audience / users", "Department", "Dept", "Requestor", "Recipient", "Distribution"],
    frequency: ["Freq", "Freq.", "Run schedule", "Schedule / frequency", "Run freq"],
    reproducibilityPlan: ["Replacement", "Future state", "New EHR plan"],
    parallelValidation: ["Validate?", "Parallel test?"],
  },
  risks: {
    title: ["Risk description", "Description", "Risk statement", "Item", "Issue / risk", "Risk / issue"],
    likelihood: ["Likelihood (1-5)", "Prob.", "Prob"],
    impact: ["Impact (1-5)", "Severity (1-5)"],
    mitigationPlan: ["Mitigation plan", "Mitigation / response", "Response / mitigation", "Mitigation strategy", "Contingency"],
    owner: ["Owner", "Assigned to", "Risk owner", "Owned by"],
    nextReviewDate: ["Due", "Target date", "Due date", "Review date"],
    "scheduleImpactWeeks.likely": ["Schedule impact", "Schedule impact (weeks)", "Delay"],
    "costImpact.amount.likely": ["Cost impact", "Cost impact ($)", "Budget impact", "Financial impact"],
    category: ["Risk type", "Type", "Category", "Area", "Workstream area"],
  },
};

/** Abbreviations in headers, expanded before comparing (canonical words). */
export const HEADER_ABBREVIATIONS: Record<string, string> = {
  yrs: "year", yr: "year", msgs: "message", msg: "message", dept: "department", freq: "frequency", dir: "direction",
  desc: "description", rpt: "report", qty: "quantity", mgr: "manager", pts: "patient", pt: "patient", std: "standard",
  vol: "volume", est: "estimated", prio: "priority", prob: "probability",
};

/**
 * Second-choice headers: used only for a column no header matched by name or alias, when exactly one
 * unmapped header holds one of these words ("Legacy Application" is where the data lives when the file has
 * no table column; "Problems we know about" are the known quirks).
 */
export const FALLBACK_HEADER_WORDS: Record<InventoryKey, Record<string, readonly string[]>> = {
  data: {
    entity: ["data", "entity", "element", "category"],
    sourceObject: ["system", "application", "app", "table", "module", "where", "location", "source"],
    quirks: ["issue", "problem", "quirk", "gotcha", "quality"],
    recordCount: ["volume", "count", "many", "record", "row"],
    yearsCovered: ["year", "history", "since", "oldest"],
  },
  workflows: {
    name: ["workflow", "process", "name", "item"],
    department: ["department", "dept", "specialty", "unit"],
  },
  integrations: {
    name: ["interface", "integration", "feed", "name"],
    partner: ["partner", "vendor", "connect", "party", "external"],
    standard: ["standard", "format", "protocol"],
    messageTypes: ["message", "event", "transaction"],
    clinicalImpact: ["priority", "critical", "criticality", "impact"],
  },
  reports: {
    name: ["report", "name", "title", "dashboard"],
    consumers: ["audience", "consumer", "user", "department"],
    frequency: ["frequency", "schedule", "cadence"],
  },
  risks: {
    title: ["risk", "title", "description", "summary"],
    likelihood: ["likelihood", "probability", "chance"],
    impact: ["impact", "severity", "consequence"],
    mitigationPlan: ["mitigation", "response", "action"],
  },
};
