"use client";
// Shown when a save hit CONFLICT: what the other person saved that differs from what is in the form,
// and the two ways on (load theirs / keep mine). Nothing has been overwritten at this point.
import { Button } from "@/components/ui/button";

export type FieldDescriber = (field: string, value: unknown) => string;

const plain: FieldDescriber = (_f, v) => {
  if (v === "" || v === null || v === undefined) return "(empty)";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (Array.isArray(v)) return `${v.length} item${v.length === 1 ? "" : "s"}`;
  return String(v);
};

export function ConflictNotice<State extends Record<string, unknown>>({
  mine,
  theirs,
  labels,
  describe = plain,
  updatedAt,
  onLoadTheirs,
  onKeepMine,
}: {
  mine: State;
  theirs: State;
  labels: Partial<Record<keyof State, string>>;
  describe?: FieldDescriber;
  updatedAt?: string;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}) {
  const differing = (Object.keys(theirs) as (keyof State & string)[]).filter((k) => JSON.stringify(theirs[k]) !== JSON.stringify(mine[k]));
  return (
    <div role="alert" className="mb-5 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">Someone else saved this while you were editing.</p>
      <p className="mt-1">
        Nothing was overwritten.{updatedAt ? ` Their version was saved ${new Date(updatedAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}.` : ""}{" "}
        {differing.length === 0 ? "Their values are the same as yours." : "Where their version differs from yours:"}
      </p>
      {differing.length ? (
        <dl className="mt-2 max-h-48 space-y-1.5 overflow-y-auto rounded-md bg-white/70 p-2">
          {differing.map((k) => (
            <div key={k} className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-3">
              <dt className="font-medium">{labels[k] ?? k}</dt>
              <dd>
                <span className="block">Theirs: {describe(k, theirs[k])}</span>
                <span className="block text-amber-800">Yours: {describe(k, mine[k])}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={onLoadTheirs}>Load their version</Button>
        <Button variant="ghost" size="sm" onClick={onKeepMine}>Keep mine (save replaces theirs)</Button>
      </div>
    </div>
  );
}
