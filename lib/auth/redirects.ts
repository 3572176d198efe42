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
