// Who may read /metrics (app/metrics/route.ts). Decision (docs/deployment.md): with METRICS_TOKEN set, a
// request bearing "Authorization: Bearer <token>" (compared in constant time); without it, only requests
// whose TCP peer is this machine (loopback), and only when the peer address is known for certain (the
// per-run peer header of `npm start`/`npm run dev`) — a forged X-Forwarded-For never counts as loopback —
// and whose X-Forwarded-For, if any, names only loopback addresses (Next.js fills it with the peer; a
// reverse proxy on this machine forwards the world's requests from loopback but appends the client's
// address: behind one, set METRICS_TOKEN anyway). Anything else is answered 404, as if it did not exist.
import { createHash, timingSafeEqual } from "node:crypto";
import { normalizeAddress } from "@/lib/auth/client-address";

type HeaderBag = { get(name: string): string | null };

const digest = (s: string) => createHash("sha256").update(s).digest();

function isLoopback(address: string | null): boolean {
  return address !== null && (address === "::1" || /^127\./.test(address));
}

export function mayReadMetrics(headers: HeaderBag, config: { token: string | undefined; peerHeader: string | undefined }): boolean {
  if (config.token) {
    const auth = headers.get("authorization") ?? "";
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    // equal-length digests: the comparison takes the same time whatever was sent
    return m !== null && timingSafeEqual(digest(m[1]), digest(config.token));
  }
  if (!config.peerHeader) return false;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  return isLoopback(normalizeAddress(headers.get(config.peerHeader))) && hops.every((h) => isLoopback(normalizeAddress(h)));
}
