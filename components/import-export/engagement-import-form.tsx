"use client";
// Import a whole engagement from a Sounding JSON file (docs/engagement-format.md) as a NEW engagement.
// The server validates the whole file first; problems come back with their JSON paths and nothing is written.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { AlertTriangle, FileJson } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/errors";

type Problem = { path: string; message: string };

export function EngagementImportForm({ action, maxLabel }: { action: (form: FormData) => Promise<ActionResult<{ id: string; counts: Record<string, number> }>>; maxLabel: string }) {
  const router = useRouter();
  const [fileName, setFileName] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setMessage("Choose a .json file exported from Sounding.");
      setProblems([]);
      return;
    }
    setPending(true);
    setMessage(null);
    setProblems([]);
    try {
      const res = await action(form);
      if (res.ok) {
        const rows = Object.values(res.data.counts).reduce((a, b) => a + b, 0);
        toast.success(`Engagement imported (${rows.toLocaleString("en-US")} inventory rows). You are its lead.`);
        router.push(`/engagements/${res.data.id}`);
        return;
      }
      setMessage(res.message);
      if (res.code === "INVALID") setProblems(Object.entries(res.fieldErrors).flatMap(([path, msgs]) => msgs.map((m) => ({ path, message: m }))));
    } catch {
      setMessage("Sounding could not be reached. Nothing was imported; try again.");
    } finally {
      setPending(false);
    }
  }

  const fileProblem = problems.find((p) => p.path === "file");
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="Import an engagement">
      <label
        htmlFor="engagement-file"
        className={cn(
          "flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed border-ink-300 bg-ink-50/60 px-6 py-10 text-center hover:border-brand-400 hover:bg-brand-50/40",
          (message || problems.length) && "border-red-300",
        )}
      >
        <FileJson className="size-9 text-brand-600" aria-hidden />
        <span className="text-sm font-medium text-ink-900">{fileName ?? "Choose a Sounding engagement file (.json)"}</span>
        <span className="text-xs text-ink-500">Exported from an engagement’s “Import & export” page or with npm run engagement -- export · up to {maxLabel}</span>
      </label>
      <input
        id="engagement-file"
        name="file"
        type="file"
        accept=".json,application/json"
        aria-label="Engagement file"
        className="sr-only"
        onChange={(e) => {
          setFileName(e.target.files?.[0]?.name ?? null);
          setMessage(null);
          setProblems([]);
        }}
      />
      {message ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="flex items-center gap-2 font-semibold"><AlertTriangle className="size-4" aria-hidden /> {fileProblem ? fileProblem.message : message}</p>
          {problems.filter((p) => p.path !== "file").length ? (
            <ul className="mt-3 max-h-96 space-y-1 overflow-y-auto font-mono text-xs">
              {problems.filter((p) => p.path !== "file").map((p, i) => (
                <li key={i}><span className="font-semibold">{p.path}</span>: <span className="font-sans text-sm">{p.message}</span></li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>Import as a new engagement</Button>
      </div>
    </form>
  );
}
