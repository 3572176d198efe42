import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, excerptOf, MarkNotificationsReadSchema, notificationHref, notificationTitle } from "@/lib/notifications/schema";
import { assumptionsFromQuoteInputs, EngagementCreateSchema } from "@/lib/engagements/schema";

describe("notification words and links", () => {
  it("titles name the actor and the item; an unknown actor is 'Someone'", () => {
    expect(notificationTitle({ kind: "changes_requested", actorName: "Dr. Lee", subjectName: "Sepsis alert" })).toBe("Dr. Lee requested changes on “Sepsis alert”");
    expect(notificationTitle({ kind: "changes_answered", actorName: "", subjectName: "X" })).toBe("Someone answered your change request on “X”");
    expect(notificationTitle({ kind: "signoff_requested", actorName: "Sam", subjectName: "" })).toBe("Sam asks you to sign off the workflow inventory");
  });

  it("links open the item in the review queue (name and id encoded) or the sign-off page", () => {
    const href = notificationHref({ kind: "changes_requested", engagementId: "e1", subjectId: "i1", subjectName: "A&B / 50%" });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/engagements/e1/workflows/review");
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: "all", q: "A&B / 50%", item: "i1" });
    expect(notificationHref({ kind: "signoff_requested", engagementId: "e1", subjectId: "", subjectName: "" })).toBe("/engagements/e1/workflows/sign-off");
  });

  it("excerpts collapse whitespace and stop at the limit with an ellipsis", () => {
    expect(excerptOf("  a\n\n b  ")).toBe("a b");
    const long = excerptOf("word ".repeat(200));
    expect(long.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(long.endsWith("…")).toBe(true);
  });

  it("mark-read input is ids or all, nothing else", () => {
    expect(MarkNotificationsReadSchema.safeParse({ ids: ["a"] }).success).toBe(true);
    expect(MarkNotificationsReadSchema.safeParse({ all: true }).success).toBe(true);
    for (const bad of [{}, { ids: [] }, { all: false }, { ids: ["a"], all: true }, { ids: ["a"], recipientId: "b" }]) expect(MarkNotificationsReadSchema.safeParse(bad).success).toBe(false);
  });
});

describe("create form: optional inputs → stored assumptions", () => {
  const blank = { destinationFee: null, destinationFeeBasis: "per_provider_month" as const, sourceFee: null, sourceFeeBasis: "per_provider_month" as const, waves: [] as string[], teamFte: null };

  it("nothing entered → nothing stored", () => {
    expect(assumptionsFromQuoteInputs(blank, { providers: 10, staffUsers: 50 })).toEqual({});
  });

  it("waves split providers and users evenly, the first waves taking the remainder; none lost", () => {
    const a = assumptionsFromQuoteInputs({ ...blank, waves: ["A", "B", "C", "D"] }, { providers: 3, staffUsers: 10 }) as { waves: { providers: number; users: number }[] };
    expect(a.waves.map((w) => w.providers)).toEqual([1, 1, 1, 0]);
    expect(a.waves.map((w) => w.users)).toEqual([3, 3, 2, 2]);
  });

  it("the form schema reads blanks as 'enter later'", () => {
    const parsed = EngagementCreateSchema.safeParse({
      clientName: "C", name: "N", migrationType: "A", sourceSystem: "", destinationSystem: "", providers: "1", locations: "1", specialties: "1", staffUsers: "1",
      activePatients: "1", yearsOfData: "1", sourceSystemCount: "1", plannedStart: "2027-01-04", currency: "usd", status: "scoping",
      destinationFee: "", sourceFee: " ", waves: "\n\n", teamFte: "", reviewerEmail: "", auditPolicy: "",
    });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data).toMatchObject({ destinationFee: null, sourceFee: null, waves: [], teamFte: null, reviewerEmail: "", auditPolicy: "undecided" });
  });
});
