import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/redirects";

describe("safeCallbackPath (open-redirect guard)", () => {
  it.each([
    ["https://evil.com", "/engagements"],
    ["//evil.com", "/engagements"],
    ["/\\evil.com", "/engagements"],
    ["\\\\evil.com", "/engagements"],
    ["javascript:alert(1)", "/engagements"],
    ["http:evil.com", "/engagements"],
    ["/sign-in?callbackUrl=/x", "/engagements"],
    ["", "/engagements"],
    [null, "/engagements"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input as string | null)).toBe(expected);
  });

  it.each([
    ["/engagements/abc/data", "/engagements/abc/data"],
    ["/engagements?q=cedar", "/engagements?q=cedar"],
    ["/admin/users#new", "/admin/users#new"],
  ])("keeps same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
