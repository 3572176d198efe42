// npm run estimate -- <engagement.json> [--seed N] [--iterations N] [--percentiles 10,50,80,90]
// Prints the estimate of a whole-engagement JSON file (lib/engagement-format) to stdout, without a database.
// Any problem (missing file, invalid JSON, schema errors, bad flags) → one paragraph on stderr, exit code 1.
import { readFileSync } from "node:fs";
import path from "node:path";
import { stripNpmBanner } from "@/lib/import-export/engagement-json";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { estimate, EstimateOptionsError, MAX_ITERATIONS, type EstimateOptions } from "@/lib/estimate";

const USAGE = "Usage: npm run estimate -- <engagement.json> [--seed N] [--iterations N] [--percentiles 10,50,80,90]";

class CliError extends Error {}
/** The end of a run with its exit code (help, or a problem already written). */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export type EstimateCliIo = { out: (text: string) => void; err: (text: string) => void };
const PROCESS_IO: EstimateCliIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

function parseArgs(argv: string[], io: EstimateCliIo): { file: string; options: EstimateOptions } {
  const options: EstimateOptions = {};
  let file: string | null = null;
  const int = (flag: string, v: string | undefined, max: number) => {
    if (v === undefined || !/^\d+$/.test(v) || Number(v) > max) throw new CliError(`${flag} needs a whole number from 0 to ${max} (got ${v === undefined ? "nothing" : JSON.stringify(v)}).`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--seed") options.seed = int("--seed", value(), 0xffffffff);
    else if (flag === "--iterations") {
      options.iterations = int("--iterations", value(), MAX_ITERATIONS);
      if (options.iterations < 1) throw new CliError(`--iterations must be at least 1.`);
    } else if (flag === "--percentiles") {
      const v = value();
      const list = (v ?? "").split(",").map((s) => Number(s.trim()));
      if (!v || list.some((p) => !Number.isFinite(p) || p <= 0 || p >= 100)) throw new CliError(`--percentiles needs a comma-separated list of numbers strictly between 0 and 100 (got ${JSON.stringify(v ?? "")}).`);
      options.percentiles = list;
    } else if (flag === "--help" || flag === "-h") {
      io.out(`${USAGE}\n`);
      throw new Exit(0);
    } else if (flag.startsWith("-")) throw new CliError(`Unknown option ${flag}.`);
    else if (file === null) file = arg;
    else throw new CliError(`Only one engagement file can be estimated at a time (got ${JSON.stringify(file)} and ${JSON.stringify(arg)}).`);
  }
  if (file === null) throw new CliError("No engagement file given.");
  return { file, options };
}

/**
 * The command in this process with output to `io`; returns the exit code (0, or 1 with one paragraph on
 * `io.err`). For tests: spawning tsx costs seconds per call.
 */
export function runEstimateCli(argv: string[], io: EstimateCliIo = PROCESS_IO): number {
  try {
    run(argv, io);
    return 0;
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}

function run(argv: string[], io: EstimateCliIo): void {
  const fail: (message: string) => never = (message) => {
    io.err(`estimate: ${message}\n${USAGE}\n`);
    throw new Exit(1);
  };
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, io);
  } catch (e) {
    if (e instanceof Exit) throw e;
    fail(e instanceof CliError ? e.message : String(e));
  }
  let text: string;
  try {
    text = readFileSync(args.file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`Cannot read ${args.file}${code === "ENOENT" ? ": no such file" : code === "EISDIR" ? ": it is a directory" : code ? ` (${code})` : ""}.`);
  }
  let json: unknown;
  try {
    // `npm run engagement -- export <id> > file.json` leaves npm's banner lines at the top: skip them.
    json = JSON.parse(stripNpmBanner(text));
  } catch (e) {
    fail(`${args.file} is not valid JSON: ${(e as Error).message}.`);
  }
  const parsed = EngagementDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => `${i.path.length > 0 ? i.path.join(".") : "(document)"}: ${i.message}`);
    const more = parsed.error.issues.length > 20 ? `; and ${parsed.error.issues.length - 20} more` : "";
    fail(`${args.file} is not a valid sounding.engagement document (${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? "" : "s"}): ${issues.join("; ")}${more}.`);
  }
  try {
    const result = estimate(parsed.data, args.options);
    io.out(`${JSON.stringify(result, null, 2)}\n`);
  } catch (e) {
    if (e instanceof EstimateOptionsError) fail(e.message);
    fail(`The estimate failed: ${(e as Error).message}.`);
  }
}

// run as a script (npm run estimate); imported (tests), it only exports runEstimateCli
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  process.exitCode = runEstimateCli(process.argv.slice(2));
}
