// npm run engagement -- <command>: whole engagements as JSON files ("sounding.engagement" v1,
// docs/engagement-format.md), outside the web app — for operators with access to the database.
//
//   npm run --silent engagement -- export <engagementId> > cedar-valley.json
//   npm run engagement -- export <engagementId> --out cedar-valley.json
//   npm run engagement -- import cedar-valley.json [--as <userEmail>]
//   npm run --silent engagement -- import-sheet <engagementId> <inventory> <file.xlsx|csv> [--sheet NAME] [--dry-run]
//       [--accept-suggestions] [--set column=value]… [--profile NAME] [--skipped-out rows.csv] [--as <userEmail>]
//
// export prints the document on stdout (or writes --out). Plain `npm run` also prints its own two-line
// banner on stdout; the importers skip it, but `--silent` / `--out` give a clean file.
// import validates the whole file first (nothing is written on any problem: the problems are listed with
// their JSON paths and the exit code is 1), then creates a NEW engagement and prints its id. The importing
// user becomes its lead and the engagement belongs to that user's organization: --as <email>, by default
// the earliest-created active organization admin.
// Both are audited (export.engagement / engagement.import, actor "cli").
// import-sheet runs the spreadsheet import of the app (upload → value mapping → dry run → apply) on one
// inventory and prints the dry-run summary as JSON on stdout (docs/import-export.md, "Command line"):
// rows { total, ok, skipped, error }, every error with its row and column, the column and value mappings
// used. Without --dry-run the valid rows are applied (atomically; rows with errors are skipped and listed,
// --skipped-out writes them as a CSV that can be fixed and imported again). <inventory> is data, workflows,
// integrations, reports or risks (aliases: data-inventory, entities, workflow, interfaces, integration,
// report, risk, risk-register, raid). An unreadable or oversized file exits 1 with a one-line message;
// --as <email> must be a member of the engagement whose role may import (as in the app), without it the
// organization's earliest admin imports.
//
// Database: DATABASE_URL when set, else the running embedded PostgreSQL of `npm run dev`/`npm start`,
// else the embedded one is started for the command (scripts/lib/database.mjs, withDatabase).
// lib/db imports "server-only", which resolves only under the react-server condition: package.json runs
// this file with `tsx --conditions=react-server`; started without it, the script re-runs itself in a child
// that has it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const USAGE = `usage:
  npm run --silent engagement -- export <engagementId> [--out file.json]
  npm run engagement -- import <file.json> [--as <userEmail>]
  npm run --silent engagement -- import-sheet <engagementId> <inventory> <file> [--sheet NAME] [--dry-run]
      [--accept-suggestions] [--set column=value]... [--profile NAME] [--skipped-out rows.csv] [--as <userEmail>]
  inventory: data | workflows | integrations | reports | risks`;

class UsageError extends Error {}

type Args = {
  command: string;
  positional: string[];
  out?: string;
  as?: string;
  sheet?: string;
  dryRun?: boolean;
  acceptSuggestions?: boolean;
  set: string[];
  profile?: string;
  skippedOut?: string;
};

const VALUE_OPTIONS = ["--out", "--as", "--sheet", "--set", "--profile", "--skipped-out"] as const;

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const args: Args = { command: "", positional, set: [] };
  const setOption = (name: string, v: string) => {
    if (name === "--out") args.out = v;
    else if (name === "--as") args.as = v;
    else if (name === "--sheet") args.sheet = v;
    else if (name === "--set") args.set.push(v);
    else if (name === "--profile") args.profile = v;
    else if (name === "--skipped-out") args.skippedOut = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const v = eq > 0 && a.startsWith("--") ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${name} needs a value\n${USAGE}`);
      setOption(name, v);
    } else if (a === "--dry-run") args.dryRun = true;
    else if (a === "--accept-suggestions") args.acceptSuggestions = true;
    else if (a === "-h" || a === "--help") throw new UsageError(USAGE);
    else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}\n${USAGE}`);
    else positional.push(a);
  }
  args.command = positional.shift() ?? "";
  return args;
}

const hasReactServerCondition = () => process.env.SOUNDING_ENGAGEMENT_CLI === "child" || process.execArgv.some((a) => a.includes("react-server"));


async function runExport(args: Args): Promise<number> {
  const [engagementId] = args.positional;
  if (!engagementId) throw new UsageError(USAGE);
  const { db } = await import("@/lib/db");
  const { loadEngagementDocument } = await import("@/lib/engagement-format/data");
  const { recordAuditEvent } = await import("@/lib/audit/mutations");
  type AuthorizedEngagementId = import("@/lib/auth/access").AuthorizedEngagementId;
  try {
    const e = await db.engagement.findUnique({ where: { id: engagementId }, select: { id: true, organizationId: true, clientName: true } });
    if (!e) throw new UsageError(`no engagement with id ${engagementId}`);
    const doc = await loadEngagementDocument(e.id as AuthorizedEngagementId);
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    await recordAuditEvent({
      organizationId: e.organizationId,
      engagementId: e.id,
      actor: { id: null, email: "cli", role: "" },
      action: "export.engagement",
      entityType: "engagement",
      entityId: e.id,
      changes: { format: "json", via: "cli", fileName: args.out ? path.basename(args.out) : "(stdout)" },
    });
    if (args.out) {
      fs.writeFileSync(args.out, text);
      console.error(`Exported ${e.clientName} (${e.id}) to ${args.out}.`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

async function runImport(args: Args): Promise<number> {
  const [file] = args.positional;
  if (!file) throw new UsageError(USAGE);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const { parseEngagementDocument } = await import("@/lib/import-export/engagement-json");
  const parsed = parseEngagementDocument(fs.readFileSync(file, "utf8"));
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.problems.length === 1 ? "1 problem" : `${parsed.problems.length} problems`}; nothing was imported.`);
    for (const p of parsed.problems) console.error(`  ${p.path}: ${p.message}`);
    return 1;
  }
  const { db } = await import("@/lib/db");
  const { createEngagementFromDocument } = await import("@/lib/engagement-format/mutations");
  try {
    const select = { id: true, email: true, organizationId: true } as const;
    const importer = args.as
      ? await db.user.findFirst({ where: { email: args.as.trim().toLowerCase(), disabledAt: null }, select })
      : await db.user.findFirst({ where: { isOrgAdmin: true, disabledAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
    if (!importer) {
      throw new UsageError(args.as ? `no active user with email ${args.as}` : "there is no active organization admin to import as; pass --as <userEmail>");
    }
    const created = await createEngagementFromDocument(importer, parsed.document, { fileName: path.basename(file), via: "cli" });
    const rows = Object.values(created.counts).reduce((a, b) => a + b, 0);
    console.error(`Imported ${parsed.document.engagement.clientName} as a new engagement (${rows} inventory rows); lead: ${importer.email}.`);
    process.stdout.write(`${created.id}\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

/** Where a command writes: stdout (the result) and stderr (messages). Tests pass their own. */
export type CliIo = { out: (text: string) => void; err: (text: string) => void };
const PROCESS_IO: CliIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

async function runHere(args: Args, io: CliIo = PROCESS_IO): Promise<number> {
  if (args.command === "export") return runExport(args);
  if (args.command === "import") return runImport(args);
  if (args.command === "import-sheet") {
    const { runImportSheet } = await import("./lib/import-sheet");
    return runImportSheet(args, io);
  }
  throw new UsageError(args.command ? `unknown command ${args.command}\n${USAGE}` : USAGE);
}

/**
 * One command in this process, against the database lib/db connects to (DATABASE_URL), with output to `io`;
 * resolves with the exit code, a problem written as one line on `io.err` (as `npm run engagement` does).
 * For tests: spawning tsx costs seconds per call. Needs the react-server condition or lib/db's "server-only"
 * stubbed (Vitest aliases it). Leaves the database connection open (the caller's).
 */
export async function runCommand(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  try {
    return await runHere(parseArgs(argv), io);
  } catch (err) {
    io.err(`engagement: ${describe(err)}\n`);
    return 1;
  }
}

/** Re-runs this file under tsx with the react-server condition and DATABASE_URL set. */
function runChild(url: string): Promise<number> {
  const tsxCli = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, "--conditions=react-server", __filename, ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url, SOUNDING_ENGAGEMENT_CLI: "child" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!["export", "import", "import-sheet"].includes(args.command)) throw new UsageError(args.command ? `unknown command ${args.command}\n${USAGE}` : USAGE);
  if (args.command === "import-sheet") {
    // a file that cannot be imported is refused before any database is started
    const { checkImportSheetArgs } = await import("./lib/import-sheet");
    await checkImportSheetArgs(args);
  }
  // the database comes first (files are checked by the child; usage errors above need no database)
  const { withDatabase } = (await import("./lib/database.mjs")) as { withDatabase: <T>(fn: (url: string) => Promise<T>, o?: object) => Promise<T> };
  const code = await withDatabase(
    async (url) => {
      if (!hasReactServerCondition()) return runChild(url);
      try {
        return await runHere(args);
      } finally {
        const { db } = await import("@/lib/db");
        await db.$disconnect();
      }
    },
    { owner: `engagement ${args.command}`, quiet: !!process.env.DATABASE_URL },
  );
  process.exitCode = code;
}

function describe(err: unknown): string {
  if (err instanceof UsageError) return err.message;
  const e = err as { code?: string; message?: string; stack?: string } | null;
  if (e?.code === "P2021" || /does not exist in the current database|relation ".*" does not exist/i.test(e?.message ?? "")) {
    return "the database has no Sounding tables yet: run npm run db:migrate first";
  }
  if (err instanceof Error) return process.env.DEBUG ? String(err.stack) : err.message;
  return String(err);
}

// run as a script (npm run engagement, or the child above); imported (tests), it only exports runCommand
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err) => {
    console.error(`engagement: ${describe(err)}`);
    process.exitCode = 1;
  });
}
