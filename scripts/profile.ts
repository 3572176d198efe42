// npm run profile -- <file> [--format csv|xlsx|ndjson|hl7|x12] [--entity KIND]
// Profiles a client extract or interface-message sample and prints the findings as JSON. Never touches
// the database; the file is streamed, only aggregates and masked examples are printed.
import { DATA_ENTITY_KINDS } from "@/lib/engagement-format/schema";
import { parseFormat, profileFile, ProfileCancelled, ProfileError } from "@/lib/profiler";

const USAGE = "usage: npm run profile -- <file> [--format csv|xlsx|ndjson|hl7|x12] [--entity KIND]";

function fail(message: string): never {
  process.stderr.write(`${message.split("\n")[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let format: string | undefined;
  let entity: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v == null || v.startsWith("--")) fail(`${a} needs a value. ${USAGE}`);
      return v;
    };
    if (a === "--format") format = value();
    else if (a.startsWith("--format=")) format = a.slice(9);
    else if (a === "--entity") entity = value();
    else if (a.startsWith("--entity=")) entity = a.slice(9);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else if (a.startsWith("--")) fail(`Unknown option ${a}. ${USAGE}`);
    else if (file == null) file = a;
    else fail(`Only one file at a time (got ${file} and ${a}). ${USAGE}`);
  }
  if (!file) fail(`No file given. ${USAGE}`);
  if (entity != null && !(DATA_ENTITY_KINDS as readonly string[]).includes(entity)) fail(`Unknown entity “${entity}”: use one of ${DATA_ENTITY_KINDS.join(", ")}`);
  const profile = await profileFile(file, { format: parseFormat(format), entity });
  process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
}

main().catch((e: unknown) => {
  if (e instanceof ProfileError || e instanceof ProfileCancelled) fail(e.message);
  fail(`Profile failed: ${e instanceof Error ? e.message : String(e)}`);
});
