import { describe, expect, it } from "vitest";
import type { TornadoBar } from "@/lib/estimate";
import { TORNADO_BARS, tornadoBars } from "@/components/estimate/drivers-data";

const bar = (i: number): TornadoBar => ({ driver: `d${i}`, label: `Driver ${i}`, kind: i % 2 ? "risk" : "input", low: 10 - i, high: 20 + i, swing: 10 + 2 * i, correlation: 0.5, lowLabel: "P10", highLabel: "P90" });

describe("tornadoBars: what the estimate page sends its tornado", () => {
  it("keeps the first TORNADO_BARS bars (the engine sorts them, largest swing first) with only the drawn fields", () => {
    const all = Array.from({ length: 600 }, (_, i) => bar(i));
    const sent = tornadoBars(all);
    expect(sent).toHaveLength(TORNADO_BARS);
    expect(sent[0]).toEqual({ label: "Driver 0", low: 10, high: 20, lowLabel: "P10", highLabel: "P90" });
    expect(sent.map((b) => b.label)).toEqual(all.slice(0, TORNADO_BARS).map((b) => b.label));
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(all).length / 40);
  });

  it("fewer bars than that: all of them", () => {
    expect(tornadoBars([bar(1), bar(2)]).map((b) => b.label)).toEqual(["Driver 1", "Driver 2"]);
    expect(tornadoBars([])).toEqual([]);
  });
});
