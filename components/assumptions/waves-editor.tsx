"use client";
// The cutover plan: waves (name, sites or cohort, providers, users, an optional go-live date the plan must
// not beat), added, removed and reordered.
// Empty = the engine derives the waves from the profile — said in words, with the number it will use.
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import type { MigrationType } from "@/lib/engagement-format/schema";
import type { WaveFormValues } from "@/lib/assumptions/schema";
import { parseNumberInput, MAX_WAVES } from "@/lib/assumptions/schema";
import type { FieldErrors } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/assumptions/fields";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";

export function derivedWavesText(type: MigrationType, profile: { locations: number; staffUsers: number }, constants: Record<string, string>): string {
  const num = (k: string, d: number) => {
    const p = parseNumberInput(constants[k]);
    return p.ok && p.value !== undefined ? p.value : d;
  };
  const max = Math.max(1, Math.round(num("waves.derivedMax", 12)));
  // mirrors lib/estimate/waves.ts planWaves (derived case)
  if (type === "C") {
    const per = Math.max(1, num("waves.derivedUsersPerCohort", 150));
    const n = Math.min(max, Math.max(1, Math.ceil(profile.staffUsers / per)));
    return `With no waves entered, the estimate derives ${n} user cohort${n === 1 ? "" : "s"} (one per ${per} of the ${profile.staffUsers} users; Type C cuts over by cohort).`;
  }
  const per = Math.max(1, num("waves.derivedSitesPerWave", 3));
  const n = Math.min(max, Math.max(1, Math.ceil(profile.locations / per)));
  return `With no waves entered, the estimate derives ${n} wave${n === 1 ? "" : "s"} (one per ${per} of the ${profile.locations} locations; Type ${type} cuts over by location or specialty).`;
}

export function WavesEditor({
  waves,
  onChange,
  errors,
  readOnly,
  migrationType,
  profile,
  constants,
}: {
  waves: WaveFormValues[];
  onChange: (waves: WaveFormValues[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
  migrationType: MigrationType;
  profile: { providers: number; locations: number; staffUsers: number };
  constants: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<WaveFormValues>) => onChange(waves.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...waves];
    const [w] = next.splice(i, 1);
    next.splice(i + d, 0, w as WaveFormValues);
    onChange(next);
  };
  const total = (f: "providers" | "users") => waves.reduce((s, w) => {
    const p = parseNumberInput(w[f], { int: true });
    return s + (p.ok && p.value !== undefined ? p.value : 0);
  }, 0);
  const cohortWord = migrationType === "C" ? "Cohort" : "Wave";
  return (
    <div id="field-waves" className="scroll-mt-24 space-y-3">
      {waves.length === 0 ? (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900 ring-1 ring-brand-200">{derivedWavesText(migrationType, profile, constants)} Enter the real plan when it is known.</p>
      ) : (
        <ScrollRegion label="Cutover waves">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Cutover waves in order</caption>
            <thead className="text-xs text-ink-500">
              <tr className="border-b border-ink-100">
                <th scope="col" className="w-8 py-1.5 font-medium">#</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">Name</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">{migrationType === "C" ? "User cohort" : "Sites or specialty"}</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">Providers</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">Users</th>
                <th scope="col" className="py-1.5 pr-2 font-medium">
                  <span id="waves-date-head">Go-live not before</span>
                  <span className="block font-normal text-ink-400">optional date</span>
                </th>
                {readOnly ? null : <th scope="col" className="py-1.5 font-medium"><span className="sr-only">Order and remove</span></th>}
              </tr>
            </thead>
            <tbody>
              {waves.map((w, i) => {
                const e = (f: string) => errors[`waves.${i}.${f}`];
                const dateCell = readOnly ? (
                  <span className="text-ink-800 tabular">{w.goLiveDate || "—"}</span>
                ) : (
                  <div>
                    <input
                      type="date"
                      aria-label={`${cohortWord} ${i + 1} go-live not before (optional date)`}
                      value={w.goLiveDate}
                      onChange={(ev) => set(i, { goLiveDate: ev.target.value })}
                      aria-invalid={e("goLiveDate")?.length ? true : undefined}
                      className={cn(inputClass, "w-40 px-2 py-1.5 tabular", e("goLiveDate")?.length && "ring-red-400")}
                    />
                    {e("goLiveDate")?.length ? <p role="alert" className="mt-1 text-xs text-red-700">{e("goLiveDate")![0]}</p> : null}
                  </div>
                );
                const cell = (f: Exclude<keyof WaveFormValues, "goLiveDate">, label: string, cls: string, mode?: "numeric") =>
                  readOnly ? (
                    <span className="text-ink-800">{w[f] || "—"}</span>
                  ) : (
                    <div>
                      <input
                        aria-label={`${cohortWord} ${i + 1} ${label}`}
                        value={w[f]}
                        inputMode={mode}
                        onChange={(ev) => set(i, { [f]: ev.target.value })}
                        aria-invalid={e(f)?.length ? true : undefined}
                        className={cn(inputClass, "px-2 py-1.5", cls, e(f)?.length && "ring-red-400")}
                      />
                      {e(f)?.length ? <p role="alert" className="mt-1 text-xs text-red-700">{e(f)![0]}</p> : null}
                    </div>
                  );
                return (
                  <tr key={i} className="border-b border-ink-50 align-top">
                    <td className="py-2 text-ink-500 tabular">{i + 1}</td>
                    <td className="py-2 pr-2">{cell("name", "name", "w-64")}</td>
                    <td className="py-2 pr-2">{cell("cohort", "sites or cohort", "w-80")}</td>
                    <td className="py-2 pr-2">{cell("providers", "providers", "w-20 text-right tabular", "numeric")}</td>
                    <td className="py-2 pr-2">{cell("users", "users", "w-20 text-right tabular", "numeric")}</td>
                    <td className="py-2 pr-2">{dateCell}</td>
                    {readOnly ? null : (
                      <td className="py-2 whitespace-nowrap">
                        <Button variant="ghost" size="sm" aria-label={`Move ${cohortWord.toLowerCase()} ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}><ArrowUp className="size-4" aria-hidden /></Button>
                        <Button variant="ghost" size="sm" aria-label={`Move ${cohortWord.toLowerCase()} ${i + 1} down`} disabled={i === waves.length - 1} onClick={() => move(i, 1)}><ArrowDown className="size-4" aria-hidden /></Button>
                        <Button variant="ghost" size="sm" aria-label={`Remove ${cohortWord.toLowerCase()} ${i + 1}`} onClick={() => onChange(waves.filter((_, j) => j !== i))}><Trash2 className="size-4" aria-hidden /></Button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="text-xs text-ink-600">
                <td />
                <th scope="row" colSpan={2} className="py-2 pr-2 text-left font-medium">Total of the waves (profile: {profile.providers} providers, {profile.staffUsers} users)</th>
                <td className={cn("py-2 pr-2 text-right tabular", total("providers") !== profile.providers && "font-semibold text-amber-800")}>{total("providers")}</td>
                <td className={cn("py-2 pr-2 text-right tabular", total("users") !== profile.staffUsers && "font-semibold text-amber-800")}>{total("users")}</td>
                <td />
                {readOnly ? null : <td />}
              </tr>
            </tfoot>
          </table>
          {total("providers") !== profile.providers || total("users") !== profile.staffUsers ? (
            <p className="mt-1 text-xs text-amber-800">The waves do not add up to the organization profile; the estimate uses the waves and flags the difference.</p>
          ) : null}
          <p className="mt-1 text-xs text-ink-500">Go-live not before: a date the client has fixed (a lease, a contract, a clinic move). The plan never goes live earlier; when it cannot make the date, the estimate says by how many weeks and why. Empty: the planner places the go-live.</p>
        </ScrollRegion>
      )}
      {readOnly ? null : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" disabled={waves.length >= MAX_WAVES} onClick={() => onChange([...waves, { name: `${cohortWord} ${waves.length + 1}`, cohort: "", providers: "0", users: "0", goLiveDate: "" }])}>
            <Plus className="size-4" aria-hidden /> Add a {cohortWord.toLowerCase()}
          </Button>
          {waves.length ? <Button variant="ghost" size="sm" onClick={() => onChange([])}>Remove all (let the engine derive them)</Button> : null}
        </div>
      )}
      {errors.waves?.length ? <p role="alert" className="text-sm text-red-700">{errors.waves[0]}</p> : null}
    </div>
  );
}
