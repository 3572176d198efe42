// Next 16 proxy (formerly middleware). NOT an authorization boundary (CVE-2025-29927): every page, action
// and route handler checks access itself. Here: request ids, the current path for sign-in redirects,
// a CSP with a per-request nonce, and a fast redirect of anonymous page requests to /sign-in.
import { NextResponse, type NextRequest } from "next/server";
import { sameOriginCallbackPath } from "@/lib/auth/redirects";

/**
 * Request bodies above this are answered 413 here, before Next reads them (a spreadsheet upload is at most
 * 20 MB, MAX_UPLOAD_BYTES; the rest is multipart overhead). Without it a 50 MB post ends in a 500 or
 * "Unexpected end of form" when the body cap cuts it off. Keep equal to proxyClientMaxBodySize in next.config.js.
 */
export const MAX_REQUEST_BODY_BYTES = 21 * 1024 * 1024;

// /metrics guards itself (a token or a loopback peer; app/metrics/route.ts) and is never a page to sign in for
const PUBLIC_PREFIXES = ["/sign-in", "/api/auth", "/share/", "/_next", "/favicon", "/icon.svg", "/robots.txt", "/metrics"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (request.method !== "GET" && request.method !== "HEAD" && declaredLength > MAX_REQUEST_BODY_BYTES) {
    const message = `The upload is ${(declaredLength / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB. Split the file into smaller files and upload them one by one.`;
    return NextResponse.json({ ok: false, code: "PAYLOAD_TOO_LARGE", message }, { status: 413, headers: { connection: "close" } });
  }
  const requestId = crypto.randomUUID();
  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");

  const isPublic = PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
  const hasSessionCookie = request.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
  if (!isPublic && !pathname.startsWith("/api/") && !hasSessionCookie) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  // next-auth answers a callbackUrl it cannot parse (query or cookie: `\/evil.com`) with a 500: it gets a
  // same-origin path instead (lib/auth/redirects.ts).
  let rewriteTo: URL | null = null;
  if (pathname.startsWith("/api/auth/")) {
    const cb = request.nextUrl.searchParams.get("callbackUrl");
    if (cb !== null) {
      const safe = sameOriginCallbackPath(cb, request.nextUrl.origin);
      if (safe !== cb) {
        rewriteTo = request.nextUrl.clone();
        rewriteTo.searchParams.set("callbackUrl", safe);
      }
    }
    for (const c of request.cookies.getAll()) {
      if (c.name.endsWith("next-auth.callback-url")) request.cookies.set(c.name, sameOriginCallbackPath(c.value, request.nextUrl.origin));
    }
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-pathname", pathname + search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

// Not /api/profile-uploads: a profile upload (up to 2 GB) streams straight to its route handler, which checks
// session, origin and access itself. Running the proxy there would make Next clone the body and buffer it
// in memory (proxyClientMaxBodySize) — and cut it at 21 MB.
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/profile-uploads/).*)" }],
};
