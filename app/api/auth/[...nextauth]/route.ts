// GET/POST /api/auth/* – next-auth v4 (credentials sign-in, session, sign-out, CSRF token)
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { sameOriginCallbackPath } from "@/lib/auth/redirects";

type RouteContext = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: RouteContext) => Promise<Response>;

// next-auth v4 answers a callbackUrl query it cannot parse (`\/evil.com`) with a 500 before any callback runs,
// and proxy.ts's rewrite does not reach the route's request URL: the route hands next-auth a same-origin path.
async function handler(req: NextRequest, ctx: RouteContext): Promise<Response> {
  const callbackUrl = req.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null) {
    const safe = sameOriginCallbackPath(callbackUrl, req.nextUrl.origin);
    if (safe !== callbackUrl) {
      const url = req.nextUrl.clone();
      url.searchParams.set("callbackUrl", safe);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      req = new NextRequest(url, { method: req.method, headers: req.headers, body: hasBody ? await req.arrayBuffer() : undefined });
    }
  }
  return nextAuth(req, ctx);
}

export { handler as GET, handler as POST };
