// Prints docs/access.md's matrix from lib/auth/access-matrix.ts (a unit test checks the doc is current).
import { CAPABILITIES, CAPABILITY_DESCRIPTIONS, ROLES, ROLE_LABELS, can, type Capability } from "@/lib/auth/access-matrix";

export function accessMatrixMarkdown(): string {
  const header = `| capability | what it allows | ${ROLES.map((r) => ROLE_LABELS[r]).join(" | ")} |`;
  const sep = `| --- | --- | ${ROLES.map(() => ":---:").join(" | ")} |`;
  const rows = (Object.keys(CAPABILITIES) as Capability[]).map((c) => `| \`${c}\` | ${CAPABILITY_DESCRIPTIONS[c]} | ${ROLES.map((r) => (can(r, c) ? "✓" : "—")).join(" | ")} |`);
  return [header, sep, ...rows].join("\n");
}

if (process.argv[1]?.endsWith("gen-access-doc.ts")) console.log(accessMatrixMarkdown());
