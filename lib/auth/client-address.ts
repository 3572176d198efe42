// The client's address, for login throttling and the audit log. The TCP peer address is the truth unless
// TRUST_PROXY says which reverse proxies in front of the app may name the client in X-Forwarded-For:
//   TRUST_PROXY unset / "" / "false" / "0"   the peer address; X-Forwarded-For is ignored (default)
//   TRUST_PROXY=1 (a hop count n)             the address n hops back from the peer in X-Forwarded-For
//   TRUST_PROXY=10.0.0.0/8,loopback           walk back from the peer while the address is one of these
//                                             (IPv4/IPv6 addresses, CIDR ranges, "loopback", "private")
// Same rules as Express's `trust proxy`. The peer address comes from scripts/lib/peer-address.cjs (npm start
// and npm run dev preload it); see docs/security.md.
import { BlockList, isIP } from "node:net";

export type TrustProxy = { kind: "off" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList; entries: string[] };

const NAMED: Record<string, [string, number, "ipv4" | "ipv6"][]> = {
  loopback: [["127.0.0.0", 8, "ipv4"], ["::1", 128, "ipv6"]],
  private: [["10.0.0.0", 8, "ipv4"], ["172.16.0.0", 12, "ipv4"], ["192.168.0.0", 16, "ipv4"], ["fc00::", 7, "ipv6"]],
};

/** Reads TRUST_PROXY; throws an Error with a plain message when it is not understood. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? "").trim().toLowerCase();
  if (v === "" || v === "false" || v === "0" || v === "off") return { kind: "off" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 32) throw new Error(`TRUST_PROXY=${raw}: a hop count is at most 32`);
    return { kind: "hops", hops };
  }
  if (v === "true") throw new Error("TRUST_PROXY=true would let any client choose its address: give the number of proxies in front of the app, or their addresses");
  const list = new BlockList();
  const entries = v.split(",").map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (NAMED[entry]) {
      for (const [net, prefix, type] of NAMED[entry]) list.addSubnet(net, prefix, type);
      continue;
    }
    const [address, prefix, extra] = entry.split("/");
    const type = isIP(address);
    if (!type || extra !== undefined) throw new Error(`TRUST_PROXY: “${entry}” is not an address, a CIDR range, “loopback” or “private”`);
    const family = type === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, family);
    else {
      const bits = /^\d+$/.test(prefix) ? Number(prefix) : Number.NaN;
      if (!(bits >= 0 && bits <= (type === 4 ? 32 : 128))) throw new Error(`TRUST_PROXY: “${entry}” has an invalid prefix length`);
      list.addSubnet(address, bits, family);
    }
  }
  return { kind: "list", list, entries };
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]" → "::1"; anything that is not an IP address → null. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  return isIP(a) ? a.toLowerCase() : null;
}

function trusted(trust: TrustProxy, address: string, hop: number): boolean {
  if (trust.kind === "off") return false;
  if (trust.kind === "hops") return hop < trust.hops;
  return trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client address: start at the peer and step back through X-Forwarded-For (right to left) while the
 * current address is a trusted proxy. A hop that is not an IP address stops the walk (its forwarder is
 * the answer). Always returns something to key a counter on.
 */
export function resolveClientAddress({ peer, forwardedFor, trust }: { peer: string | null | undefined; forwardedFor: string | null | undefined; trust: TrustProxy }): string {
  const start = normalizeAddress(peer);
  if (!start) return "unknown";
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean).reverse();
  let current = start;
  for (let i = 0; i < hops.length && trusted(trust, current, i); i++) {
    const next = normalizeAddress(hops[i]);
    if (!next) break;
    current = next;
  }
  return current;
}

type HeaderBag = Headers | Record<string, unknown> | undefined;
const get = (headers: HeaderBag, name: string): string | undefined => {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : undefined;
};

/**
 * The client address of a request, from its headers. `peerHeader` is the per-run header name the preload
 * sets (SOUNDING_PEER_HEADER); without it (the app started by a bare `next start`) the peer address is not
 * knowable and Next.js's X-Forwarded-For stands in for it — docs/security.md says to use `npm start`.
 */
export function clientAddressFromHeaders(headers: HeaderBag, { trust, peerHeader }: { trust: TrustProxy; peerHeader: string | undefined }): string {
  const forwardedFor = get(headers, "x-forwarded-for");
  if (peerHeader) return resolveClientAddress({ peer: get(headers, peerHeader), forwardedFor, trust });
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return resolveClientAddress({ peer: hops.pop(), forwardedFor: hops.join(","), trust });
}
