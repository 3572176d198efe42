// Open-redirect guard (TRUST.md): callbackUrl must resolve to a same-origin path.
export function safeCallbackPath(raw: string | null | undefined, fallback = "/engagements"): string {
  if (!raw || typeof raw !== "string") return fallback;
  let value = raw.trim();
  // Only paths are accepted: anything with a scheme, a host or a backslash trick is refused outright.
  if (!value.startsWith("/")) return fallback;
  try {
    // Absolute URLs are accepted only when they point at a path on "this" origin placeholder.
    const url = new URL(value, "http://sounding.invalid");
    if (url.origin !== "http://sounding.invalid") return fallback;
    value = url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  if (value.startsWith("/sign-in")) return fallback;
  return value;
}

/**
 * next-auth's `redirect` callback (sign-in, sign-out, the callback-url cookie): whatever the client sent —
 * `\/evil.com`, `%2F%2Fevil.com`, `https://evil.com`, text that is no URL at all — the answer is an
 * absolute URL on `baseUrl`, and it never throws (next-auth's default threw "Invalid URL": a 500).
 */
export function sameOriginRedirect(url: unknown, baseUrl: string): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return "/";
  }
  let path = "/";
  if (typeof url === "string" && url.length <= 2048) {
    try {
      const u = new URL(url, `${origin}/`);
      if (u.origin === origin) path = u.pathname + u.search + u.hash;
    } catch {
      path = "/";
    }
  }
  if (!path.startsWith("/") || path.startsWith("//") || /[\u0000-\u001f\\]/.test(path)) path = "/";
  return `${origin}${path}`;
}

/**
 * What proxy.ts hands next-auth instead of a client's callbackUrl (query parameter or callback-url cookie):
 * a same-origin path. next-auth v4 checks these before any callback and answers one it cannot parse
 * (`\/evil.com`) with a 500 "server configuration" error; a path always passes its check.
 */
export function sameOriginCallbackPath(value: string, origin: string): string {
  const u = new URL(sameOriginRedirect(value, origin));
  return u.pathname + u.search + u.hash;
}
