// Issue 12 item 7: every server action and every route handler gets random and hostile payloads — NUL and
// other control characters, 100k-character strings, huge/negative/non-finite numbers, extreme dates, wrong
// types, unknown keys, prototype keys, malformed uploads — and always answers with a clear 4xx-style
// result: never a throw (other than Next's redirect), never INTERNAL or a 500, never a stack trace, and a
// refused call writes nothing. Actions and routes are ENUMERATED from the source tree (lib/**/actions.ts,
// app/api/**/route.ts), so a new one is covered without touching this file.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { saveAssumptionsAction } from "@/lib/assumptions/actions";
import { findAssumptions } from "@/lib/assumptions/data";
import { createFixtureWorld } from "../estimates/support";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const ALLOWED_CODES = new Set(["INVALID", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "UNAUTHENTICATED", "RATE_LIMITED"]);

function walk(dir: string, file: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(rel, file));
    else if (e.name === file) out.push(rel);
  }
  return out.sort();
}

// ---------- hostile values ----------
const LONG = "x".repeat(100_000);
const HOSTILE_LEAVES: unknown[] = [
  "\u0000", "Lab\u0000 results", "\u0007\u001b[31mred\u007f", "\u0085", "\uD800", LONG, "💥".repeat(20_000), "",
  "<script>alert(1)</script>", "'; DROP TABLE \"Engagement\"; --", "=HYPERLINK(\"http://evil\")", "../../etc/passwd",
  1e308, -1e308, -1, 0, 2 ** 31, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5,
  "0x10", "1,5", "1e400", "-0", "0000-01-01", "9999-12-31", "275760-09-13", "2027-02-30", "2027-01-01T00:00:00\u0000",
  null, true, false, [], [LONG], {}, { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'),
];
const FIELDS = [
  "engagementId", "id", "version", "values", "name", "title", "kind", "clientName", "quantity", "notes", "description",
  "plannedStart", "providers", "recordCount", "likelihood", "impact", "nextReviewDate", "constants", "teamFte", "label",
  "days", "email", "password", "userId", "role", "key", "riskId", "itemId", "comment", "decision", "mapping", "batchId",
  "seed", "changes", "size", "rows", "inventory", "source", "status", "migrationType", "currency", "unknownKey",
];

const leaf = fc.constantFrom(...HOSTILE_LEAVES);
const hostileObject = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(leaf, fc.dictionary(fc.constantFrom(...FIELDS), leaf, { maxKeys: 6 })), { minKeys: 1, maxKeys: 10 });

function payloads(engagementId: string): unknown[] {
  const fixed: unknown[] = [undefined, null, 42, "x\u0000", [], true, Number.NaN, LONG, { engagementId }, { engagementId: `${engagementId}\u0000` }, { engagementId: LONG }];
  for (const v of HOSTILE_LEAVES) fixed.push({ engagementId, version: 1, values: Object.fromEntries(FIELDS.map((f) => [f, v])), ...Object.fromEntries(FIELDS.filter((f) => f !== "engagementId").map((f) => [f, v])) });
  const random = fc.sample(hostileObject.map((o) => ({ engagementId, ...o })), { seed: 1207, numRuns: 25 });
  return [...fixed, ...random];
}

function forms(engagementId: string): FormData[] {
  const make = (entries: [string, string | Blob, string?][]) => {
    const f = new FormData();
    for (const [k, v, name] of entries) if (typeof v === "string") f.append(k, v);
    else f.append(k, v, name);
    return f;
  };
  const bytes = (s: string, type = "application/octet-stream") => new Blob([s], { type });
  return [
    make([]),
    make([["engagementId", engagementId]]),
    make([["engagementId", engagementId], ["file", "not a file"]]),
    make([["engagementId", engagementId], ["file", bytes(""), "empty.csv"]]),
    make([["engagementId", engagementId], ["file", bytes("PK\u0003\u0004garbage-that-is-not-a-zip"), "broken.xlsx"]]),
    make([["engagementId", engagementId], ["file", bytes("\u0000\u0000\u0000"), "nul\u0000.csv"]]),
    make([["engagementId", engagementId], ["file", bytes(`a,b\n${"\u0000,\u0007\n".repeat(1000)}`, "text/csv"), "control.csv"]]),
    make([["engagementId", engagementId], ["file", bytes("{\"format\":\"sounding.engagement\",\"version\":1,\"engagement\":{\"clientName\":\"\u0000\"}}", "application/json"), "x.json"]]),
    make([["engagementId", engagementId], ["file", bytes("{not json"), "x.json"]]),
    make([["engagementId", engagementId], ["inventory", "\u0000"], ["file", bytes("a\n1"), `${LONG}.csv`]]),
    make([["engagementId", `${engagementId}\u0000`], ["file", bytes("a\n1"), "x.csv"]]),
  ];
}

// ---------- "nothing partially written" ----------
const TABLES = ["Engagement", "Membership", "DataEntity", "WorkflowItem", "WorkflowComment", "WorkflowSignOff", "Integration", "Report", "Risk", "AuditTrailPolicy", "RiskLibraryEntry", "Baseline", "ShareLink", "ImportBatch", "User"];
async function counts(): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, bigint>[]>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`);
  return JSON.stringify(rows[0], (_k, v) => (typeof v === "bigint" ? Number(v) : v));
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test(digest);
}

type Problem = { target: string; payload: string; problem: string };
const describePayload = (p: unknown) => {
  if (p instanceof FormData) return `FormData(${[...p.keys()].join(",")})`;
  try {
    const s = JSON.stringify(p) ?? String(p);
    return s.length > 160 ? `${s.slice(0, 160)}…` : s;
  } catch {
    return String(p);
  }
};

let world: Awaited<ReturnType<typeof createEngagementWorld>>;
beforeAll(async () => {
  world = await createEngagementWorld(db);
});

describe("every server action refuses hostile input cleanly", () => {
  const files = walk("lib", "actions.ts");
  it("finds the actions to test", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`${file}`, async () => {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([name, fn]) => typeof fn === "function" && name.endsWith("Action")) as [string, (...a: unknown[]) => Promise<unknown>][];
      expect(actions.length, `${file} exports no *Action`).toBeGreaterThan(0);
      const problems: Problem[] = [];
      for (const [name, action] of actions) {
        const inputs: unknown[] = [...payloads(world.engagement.id), ...forms(world.engagement.id)];
        for (const user of [world.lead, world.outsider]) {
          signInAs(user);
          for (const input of inputs) {
            const before = await counts();
            let result: unknown;
            try {
              result = await action(input, input === null ? "yes" : Number.NaN);
            } catch (err) {
              if (!isNextControlFlow(err)) problems.push({ target: name, payload: describePayload(input), problem: `threw ${(err as Error)?.message?.slice(0, 200)}` });
              continue;
            }
            const r = result as { ok?: boolean; code?: string; message?: string } | undefined;
            if (!r || typeof r !== "object" || typeof r.ok !== "boolean") {
              problems.push({ target: name, payload: describePayload(input), problem: `not an ActionResult: ${describePayload(result)}` });
              continue;
            }
            if (r.ok) continue; // a hostile-looking payload that is valid (e.g. a long but allowed text) may succeed
            if (!ALLOWED_CODES.has(r.code ?? "")) problems.push({ target: name, payload: describePayload(input), problem: `code ${r.code}: ${r.message}` });
            if (/\n\s+at |node_modules|\.ts:\d+/.test(r.message ?? "")) problems.push({ target: name, payload: describePayload(input), problem: "stack trace in message" });
            const after = await counts();
            if (after !== before) problems.push({ target: name, payload: describePayload(input), problem: `refused (${r.code}) but rows changed: ${before} → ${after}` });
          }
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
    }, 600_000);
  }
});

describe("every route handler refuses hostile input cleanly", () => {
  const files = walk("app/api", "route.ts").filter((f) => !f.includes("[...nextauth]")); // next-auth: tests/e2e/hostile.spec.ts
  it("finds the routes to test", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  const hostileStrings = ["\u0000", "%00", LONG.slice(0, 5000), "../../etc/passwd", "1e308", "-1", "0x10", "NaN", "<script>", "\u0007"];
  for (const file of files) {
    it(`${file}`, async () => {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      const problems: Problem[] = [];
      const ids = [world.engagement.id, `${world.engagement.id}\u0000`, LONG, "", "x"];
      for (const method of ["GET", "POST", "PUT", "DELETE"]) {
        const handler = mod[method] as ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
        if (!handler) continue;
        for (const user of [world.lead, world.outsider, null]) {
          signInAs(user);
          for (const id of ids) {
            for (const q of hostileStrings) {
              const query = `?seed=${encodeURIComponent(q)}&format=${encodeURIComponent(q)}&part=${encodeURIComponent(q)}&inventory=${encodeURIComponent(q)}&unknown=${encodeURIComponent(q)}`;
              const init: RequestInit = method === "GET" || method === "DELETE" ? {} : { method, body: `--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n${q}`, headers: { "content-type": "multipart/form-data; boundary=y" } };
              let res: Response;
              try {
                res = await handler(new Request(`http://localhost/api/x${query}`, { method, ...init }), { params: Promise.resolve({ id, inventory: q }) });
              } catch (err) {
                problems.push({ target: `${method} ${file}`, payload: `${describePayload(id)} ${q.slice(0, 20)}`, problem: `threw ${(err as Error).message}` });
                continue;
              }
              if (res.status >= 500) problems.push({ target: `${method} ${file}`, payload: `${describePayload(id)} ${q.slice(0, 20)}`, problem: `status ${res.status}: ${(await res.text()).slice(0, 200)}` });
              else if (res.status >= 400) {
                const body = await res.text();
                if (/\n\s+at |node_modules/.test(body)) problems.push({ target: `${method} ${file}`, payload: q.slice(0, 20), problem: "stack trace in body" });
              } else await res.arrayBuffer();
            }
          }
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
    }, 600_000);
  }
});

describe("one saved number cannot take the estimate down (issue 12 finding 2)", () => {
  it("a model constant of 1e308 is refused with a message naming the field", async () => {
    const w = await createFixtureWorld();
    const before = await findAssumptions(w.eid, "lead");
    const key = Object.keys(before.values.constants)[0]!;
    signInAs(w.lead);
    for (const value of ["1e308", "1.7976931348623157e308", "Infinity", "1e400", "0x10"]) {
      const values = structuredClone(before.values);
      values.constants[key] = value;
      const res = await saveAssumptionsAction({ engagementId: w.eid, version: before.version, values });
      expect(res, value).toMatchObject({ ok: false, code: "INVALID" });
      const fieldErrors = (res as { fieldErrors: Record<string, string[]> }).fieldErrors;
      const messages = Object.entries(fieldErrors).filter(([k]) => k.includes(key));
      expect(messages.length, `${value}: ${JSON.stringify(fieldErrors)}`).toBeGreaterThan(0);
    }
    expect((await findAssumptions(w.eid, "lead")).version).toBe(before.version);
  }, 120_000);
});
