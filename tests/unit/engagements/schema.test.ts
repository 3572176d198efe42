import { describe, expect, it } from "vitest";
import { EngagementFormSchema } from "@/lib/engagements/schema";

const valid = {
  clientName: " Cedar Ridge ", name: "EMR 2027", migrationType: "B", sourceSystem: "", destinationSystem: "Custom",
  providers: "60", locations: "9", specialties: "5", staffUsers: "1,200", activePatients: "48 000", yearsOfData: "11.5",
  sourceSystemCount: "2", plannedStart: "2027-02-01", currency: "usd", status: "scoping",
};

describe("EngagementFormSchema (shared by the form and the server action)", () => {
  it("parses FormData-shaped strings into typed values", () => {
    const r = EngagementFormSchema.parse(valid);
    expect(r).toMatchObject({ clientName: "Cedar Ridge", staffUsers: 1200, activePatients: 48000, yearsOfData: 11.5, currency: "USD" });
  });
  it("gives a field error for each bad field", () => {
    const r = EngagementFormSchema.safeParse({ ...valid, clientName: " ", providers: "sixty", plannedStart: "31/12/2027", migrationType: "D" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["clientName", "providers", "plannedStart", "migrationType"]));
    expect(r.error!.issues.find((i) => i.path[0] === "providers")?.message).toBe("Enter a whole number");
  });
  it("treats empty numbers as missing, not zero", () => {
    const r = EngagementFormSchema.safeParse({ ...valid, providers: "" });
    expect(r.error?.issues[0]?.message).toBe("Required");
  });
  it("rejects unknown keys (no injected engagementId/role/version)", () => {
    expect(EngagementFormSchema.safeParse({ ...valid, role: "lead" }).success).toBe(false);
  });
});
