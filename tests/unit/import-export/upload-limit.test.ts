// An upload over the limit gets a clear 413 from the proxy, before Next reads the body (not a 500 or
// "Unexpected end of form" from the body cap cutting it off).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BODY_BYTES, proxy } from "@/proxy";

const post = (length: number, path = "/engagements/abc/import/integrations") =>
  new NextRequest(`http://localhost${path}`, { method: "POST", headers: { "content-length": String(length), cookie: "next-auth.session-token=x", "next-action": "x" } });

describe("upload size limit", () => {
  it("a 50 MB body posted to the import route is refused with 413 and a message", async () => {
    const res = proxy(post(50 * 1024 * 1024));
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE" });
    expect(body.message).toMatch(/50\.0 MB; the limit is 20 MB/);
  });
  it("also on API routes and without a session", () => {
    expect(proxy(new NextRequest("http://localhost/api/engagements/x/import", { method: "PUT", headers: { "content-length": String(MAX_REQUEST_BODY_BYTES + 1) } })).status).toBe(413);
  });
  it("a body within the limit passes through", () => {
    expect(proxy(post(MAX_REQUEST_BODY_BYTES)).status).not.toBe(413);
  });
});
