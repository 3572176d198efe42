// npm run estimate -- <engagement.json>: JSON on stdout; any problem → one paragraph on stderr, exit 1.
// Two runs go through the real script (node + tsx's CLI, what `npm run estimate` runs: exit codes and streams);
// the other cases call runEstimateCli in this process (spawning tsx costs seconds of CPU per call).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runEstimateCli } from "@/scripts/estimate";
import { readFixtureInput, TYPE_A_FIXTURE } from "./helpers";

const ROOT = path.resolve(__dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "sounding-estimate-cli-"));

type Ran = { code: number; stdout: string; stderr: string };

function spawnCli(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/estimate.ts", ...args], { cwd: ROOT, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function run(args: string[]): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const code = runEstimateCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe.concurrent("CLI", { timeout: 120_000 }, () => {
  it("prints the estimate of a fixture as JSON (the script itself)", async () => {
    const r = await spawnCli([TYPE_A_FIXTURE, "--seed", "7", "--iterations", "500"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.run).toEqual({ seed: 7, iterations: 500, percentiles: [10, 50, 80, 90] });
    expect(e.input.migrationType).toBe("A");
    expect(e.duration.totalMonths.percentiles.P50).toBeGreaterThan(6);
  });

  it("rejects invalid JSON", async () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, '{ "format": "sounding.engagement", ');
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/is not valid JSON/);
    noStack(r.stderr);
  });

  it("lists schema errors with their paths", async () => {
    const input = readFixtureInput(TYPE_A_FIXTURE) as unknown as {
      engagement: Record<string, unknown>;
      integrations: Record<string, unknown>[];
    };
    input.engagement.migrationType = "D";
    input.integrations[3]!.complexity = "extreme";
    delete input.engagement.plannedStart;
    const file = path.join(dir, "invalid.json");
    writeFileSync(file, JSON.stringify(input));
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/not a valid sounding\.engagement document \(3 problems\)/);
    expect(r.stderr).toMatch(/engagement\.migrationType/);
    expect(r.stderr).toMatch(/integrations\.3\.complexity/);
    expect(r.stderr).toMatch(/engagement\.plannedStart/);
    noStack(r.stderr);
  });

  it("reports a missing file with exit code 1 (the script itself)", async () => {
    const r = await spawnCli([path.join(dir, "nope.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
    noStack(r.stderr);
  });

  it("rejects bad flags", async () => {
    const cases = [[TYPE_A_FIXTURE, "--iterations", "many"], [TYPE_A_FIXTURE, "--seed=-3"], [TYPE_A_FIXTURE, "--colour"], []];
    const results = await Promise.all(cases.map((args) => run(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(" ")).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/Usage: npm run estimate/);
      noStack(r.stderr);
    });
    expect(results[0]!.stderr).toMatch(/--iterations needs a whole number/);
    expect(results[2]!.stderr).toMatch(/Unknown option --colour/);
    expect(results[3]!.stderr).toMatch(/No engagement file/);
  });
  it("refuses a constant or a risk impact of 1e308 with the field and its range, exit 1", async () => {
    const input = structuredClone(readFixtureInput(TYPE_A_FIXTURE)) as unknown as { assumptions: { constants: Record<string, number> }; risks: Record<string, unknown>[] };
    input.assumptions.constants = { ...input.assumptions.constants, "systemic.max": 1e308 };
    input.risks[0]!.scheduleImpactWeeks = { min: 1, likely: 2, max: 1e308 };
    const file = path.join(dir, "huge.json");
    writeFileSync(file, JSON.stringify(input));
    const r = await run([file, "--iterations", "100"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/assumptions\.constants\.systemic\.max: Must be a number from 0 to 10/);
    expect(r.stderr).toMatch(/risks\.0\.scheduleImpactWeeks\.max: Must be a number from 0 to 520 weeks/);
    noStack(r.stderr);
  });
});
