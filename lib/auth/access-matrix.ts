// The role × capability matrix (docs/access.md mirrors this table; tests iterate over it).
// Pure data: safe to import from client components to hide controls. The server still enforces it.
export const ROLES = ["lead", "consultant", "clinical_reviewer", "executive"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  lead: "Engagement lead",
  consultant: "Consultant",
  clinical_reviewer: "Clinical reviewer",
  executive: "Executive",
};

export const CAPABILITIES = {
  "engagement.view": ["lead", "consultant", "clinical_reviewer", "executive"],
  "engagement.edit": ["lead", "consultant"],
  "engagement.archive": ["lead"],
  "members.manage": ["lead"],
  "inventory.view": ["lead", "consultant", "clinical_reviewer", "executive"],
  "inventory.edit": ["lead", "consultant"],
  "workflow.comment": ["lead", "consultant", "clinical_reviewer"],
  "workflow.approve": ["lead", "clinical_reviewer"],
  "workflow.signoff": ["lead", "clinical_reviewer"],
  "workflow.request_signoff": ["lead", "consultant"],
  "risks.edit": ["lead", "consultant"],
  "estimate.view": ["lead", "consultant", "clinical_reviewer", "executive"],
  "rates.view": ["lead", "consultant", "executive"],
  "assumptions.edit": ["lead", "consultant"],
  "baseline.create": ["lead", "consultant"],
  "report.view": ["lead", "consultant", "clinical_reviewer", "executive"],
  "report.share": ["lead"],
  "data.export": ["lead", "consultant"],
  "data.import": ["lead", "consultant"],
  "profile.run": ["lead", "consultant"],
  "audit.view": ["lead", "consultant"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_DESCRIPTIONS: Record<Capability, string> = {
  "engagement.view": "Open the engagement and its overview",
  "engagement.edit": "Edit the engagement's details and profile",
  "engagement.archive": "Archive or restore the engagement",
  "members.manage": "Add and remove members, change their roles",
  "inventory.view": "Read the inventories and the risk register",
  "inventory.edit": "Create, edit, delete inventory rows; edit the validation plan",
  "workflow.comment": "Comment on workflow items",
  "workflow.approve": "Approve or request changes on workflow items",
  "workflow.signoff": "Sign off the whole workflow inventory",
  "workflow.request_signoff": "Ask the clinical reviewers to sign off the workflow inventory (they are notified)",
  "risks.edit": "Edit the risk register and add risks from the library",
  "estimate.view": "Read the estimate",
  "rates.view": "See labor rates and license fees (field-level)",
  "assumptions.edit": "Edit rates, team, license terms, waves and model constants",
  "baseline.create": "Save a named estimate baseline",
  "report.view": "Read the executive report and download it",
  "report.share": "Create and revoke share links to the report",
  "data.export": "Export inventories and the whole engagement",
  "data.import": "Import inventories from CSV/XLSX/JSON",
  "profile.run": "Profile sample extracts and message samples (streamed, never stored) and accept the findings into the inventories",
  "audit.view": "Read the engagement's audit log",
};

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
