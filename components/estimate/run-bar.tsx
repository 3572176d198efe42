// The run behind the numbers: iterations, seed (changeable with ?seed=, a plain GET form), engine
// version, and how long the computation took on the server.
import { DEFAULT_SEED, MAX_SEED, type EstimateTimings } from "@/lib/estimates/schema";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export function RunBar({ seed, iterations, engineVersion, timings, seedError, action }: { seed: number; iterations: number; engineVersion: string; timings: EstimateTimings; seedError: string | null; action: string }) {
  return (
    <div className="rounded-lg bg-white px-4 py-3 text-sm shadow-sm ring-1 ring-ink-200/70">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-ink-600">
          <strong className="text-ink-800">{iterations.toLocaleString("en-US")}</strong> Monte Carlo runs · seed <strong className="text-ink-800">{seed}</strong>
          {seed === DEFAULT_SEED ? " (default)" : ""} · engine {engineVersion} ·{" "}
          {timings.mode === "stored" ? (
            <span title={`Read from the stored result in ${Math.round(timings.totalMs)} ms; the engine took ${Math.round(timings.engineMs)} ms when it computed it${timings.computedAt ? ` (${timings.computedAt})` : ""}`}>
              computed once for these inputs{timings.engineMs > 0 ? ` (${Math.round(timings.engineMs).toLocaleString("en-US")} ms)` : ""}
            </span>
          ) : (
            <>
              computed in{" "}
              <span title={`Loading the inputs ${timings.loadMs} ms; engine ${timings.engineMs} ms (${timings.mode === "worker" ? "in a worker thread" : "inline"}); engine call on the request ${timings.estimateMs} ms`}>
                {Math.round(timings.totalMs)} ms
              </span>
            </>
          )}
          . Same inputs and seed give the same numbers.
        </p>
        <form method="get" action={action} className="flex items-center gap-2" aria-label="Change the seed">
          <label htmlFor="seed" className="text-sm font-medium text-ink-700">Seed</label>
          <input id="seed" name="seed" inputMode="numeric" pattern="\d*" defaultValue={seed} className={cn(controlClass.replace("w-full", ""), "h-8 w-28 py-1")} aria-describedby={seedError ? "seed-error" : undefined} max={MAX_SEED} />
          <button type="submit" className={buttonClass("secondary", "sm")}>Recompute</button>
        </form>
      </div>
      {seedError ? <p id="seed-error" role="alert" className="mt-2 text-sm text-red-700">{seedError}</p> : null}
    </div>
  );
}
