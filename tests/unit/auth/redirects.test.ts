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

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it.each([
    ["\\/evil.com", `${base}/`],
    ["/\\evil.com", `${base}/`],
    ["%2F%2Fevil.com", `${base}/%2F%2Fevil.com`],
    ["//evil.com", `${base}/`],
    ["https://evil.com/x", `${base}/`],
    ["javascript:alert(1)", `${base}/`],
    ["http://[::1", `${base}/`],
    ["/sign-in", `${base}/sign-in`],
    ["/engagements/abc?x=1#y", `${base}/engagements/abc?x=1#y`],
    [`${base}/engagements`, `${base}/engagements`],
    ["", `${base}/`],
    ["x".repeat(5000), `${base}/`],
  ])("%j → %s (never throws)", async (url, expected) => {
    const { sameOriginRedirect } = await import("@/lib/auth/redirects");
    expect(sameOriginRedirect(url, base)).toBe(expected);
  });
});
