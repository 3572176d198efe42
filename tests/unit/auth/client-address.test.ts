// TRUST_PROXY and the client address (issue 12 item 1): a client cannot choose its own address with
// X-Forwarded-For unless a trusted proxy put it there.
import { describe, expect, it } from "vitest";
import { clientAddressFromHeaders, normalizeAddress, parseTrustProxy, resolveClientAddress } from "@/lib/auth/client-address";

const off = parseTrustProxy(undefined);
const peerHeader = "x-sounding-peer-00112233445566778899aabb";

describe("parseTrustProxy", () => {
  it("is off by default and for false/0", () => {
    for (const v of [undefined, "", " ", "false", "0", "off"]) expect(parseTrustProxy(v).kind).toBe("off");
  });
  it("takes a hop count or a list", () => {
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    const l = parseTrustProxy("10.0.0.0/8, 192.168.1.7, loopback, fd00::/8");
    expect(l.kind).toBe("list");
  });
  it.each(["true", "10.0.0.0/33", "banana", "10.0.0.1/8/1", "99"])("refuses %j with a message", (v) => {
    expect(() => parseTrustProxy(v)).toThrow(/TRUST_PROXY/);
  });
});

describe("resolveClientAddress", () => {
  it("without TRUST_PROXY the peer address wins over any X-Forwarded-For", () => {
    expect(resolveClientAddress({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trust: off })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: "1.2.3.4, 5.6.7.8", trust: off })).toBe("203.0.113.9");
  });
  it("a hop count trusts that many proxies from the peer back", () => {
    const one = parseTrustProxy("1");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7", trust: one })).toBe("198.51.100.7");
    const two = parseTrustProxy("2");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7", trust: two })).toBe("1.2.3.4");
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "", trust: two })).toBe("10.0.0.2");
  });
  it("a list trusts only those proxies: a spoofed entry left of an untrusted hop is ignored", () => {
    const trust = parseTrustProxy("10.0.0.0/8");
    // the client sent "1.2.3.4"; the proxy 10.0.0.2 appended the real client 198.51.100.7
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7", trust })).toBe("198.51.100.7");
    // not from the proxy: the header is ignored
    expect(resolveClientAddress({ peer: "198.51.100.7", forwardedFor: "1.2.3.4", trust })).toBe("198.51.100.7");
  });
  it("garbage in X-Forwarded-For stops the walk", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "<script>, not-an-ip", trust: parseTrustProxy("3") })).toBe("10.0.0.2");
  });
  it("no usable peer → 'unknown'", () => {
    expect(resolveClientAddress({ peer: undefined, forwardedFor: "1.2.3.4", trust: off })).toBe("unknown");
  });
  it("normalizes addresses", () => {
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("1.2.3.4.5")).toBeNull();
  });
});

describe("clientAddressFromHeaders", () => {
  it("reads the per-run peer header; a spoofed X-Forwarded-For changes nothing", () => {
    const headers = { "x-forwarded-for": "6.6.6.6", [peerHeader]: "127.0.0.1" };
    expect(clientAddressFromHeaders(headers, { trust: off, peerHeader })).toBe("127.0.0.1");
    expect(clientAddressFromHeaders(new Headers(headers), { trust: off, peerHeader })).toBe("127.0.0.1");
  });
  it("without the preload, the last X-Forwarded-For hop (what Next.js saw) stands in for the peer", () => {
    expect(clientAddressFromHeaders({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }, { trust: off, peerHeader: undefined })).toBe("127.0.0.1");
  });
});
