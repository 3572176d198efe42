// Job queue definitions (lib/jobs/queues.ts): names and policies are checked when a queue is defined,
// so a typo fails at start-up instead of when the first job is sent.
import { describe, expect, it } from "vitest";
import { defineJobQueue, findQueueDefinition } from "@/lib/jobs/queues";

const base = { description: "x", retryLimit: 1, retryDelaySeconds: 0, expireInSeconds: 60 };

describe("defineJobQueue", () => {
  it("fills the defaults and registers the definition", () => {
    const q = defineJobQueue({ name: "unit.defaults", ...base });
    expect(q).toMatchObject({ name: "unit.defaults", retryBackoff: false, concurrency: 1, policy: "standard" });
    expect(findQueueDefinition("unit.defaults")).toEqual(q);
  });

  it.each([
    [{ name: "Upper.Case" }, /Invalid job queue name/],
    [{ name: "has space" }, /Invalid job queue name/],
    [{ name: "x".repeat(50) }, /Invalid job queue name/],
    [{ name: "unit.neg", retryLimit: -1 }, /retryLimit/],
    [{ name: "unit.frac", retryDelaySeconds: 0.5 }, /retryDelaySeconds/],
    [{ name: "unit.expire", expireInSeconds: 0 }, /expireInSeconds/],
    [{ name: "unit.day", expireInSeconds: 86_400 }, /expireInSeconds/],
    [{ name: "unit.conc", concurrency: 0 }, /concurrency/],
  ])("refuses %j", (override, message) => {
    expect(() => defineJobQueue({ ...base, ...{ name: "unit.ok" }, ...override })).toThrow(message);
  });
});
