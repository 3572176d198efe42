import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CAPABILITIES, ROLES, can, type Capability } from "@/lib/auth/access-matrix";
import { accessMatrixMarkdown } from "@/scripts/gen-access-doc";

describe("access matrix", () => {
  it("docs/access.md shows exactly the matrix the code enforces", () => {
    const doc = readFileSync("docs/access.md", "utf8");
    expect(doc).toContain(accessMatrixMarkdown());
  });

  it.each([
    ["executive", "inventory.edit", false],
    ["executive", "report.view", true],
    ["clinical_reviewer", "workflow.signoff", true],
    ["clinical_reviewer", "rates.view", false],
    ["consultant", "members.manage", false],
    ["consultant", "workflow.approve", false],
    ["lead", "report.share", true],
  ] as const)("%s × %s → %s", (role, cap, expected) => {
    expect(can(role, cap)).toBe(expected);
  });

  it("executives can call no capability that changes anything", () => {
    const mutating = (Object.keys(CAPABILITIES) as Capability[]).filter((c) => !/\.view$/.test(c));
    expect(mutating.filter((c) => can("executive", c))).toEqual([]);
  });

  it("the lead can do everything", () => {
    for (const c of Object.keys(CAPABILITIES) as Capability[]) expect(can("lead", c)).toBe(true);
  });

  it("every role is known", () => {
    for (const roles of Object.values(CAPABILITIES)) for (const r of roles) expect(ROLES).toContain(r);
  });
});
