"use client";
// Start a profile run: choose what the file is a sample of, choose the file, go. The file is streamed to
// /api/profile-uploads/<run> (never read into this page's memory, never stored on the server) by the tab's
// upload tracker, which warns before the tab closes while bytes are still going; the run page shows progress.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FieldShell } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";
import type { ProfileTargetOption } from "@/lib/profile-runs/schema";
import { sendProfileUpload } from "@/components/profile-runs/upload-tracker";

type CreateAction = (input: unknown) => Promise<ActionResult<{ runId: string }>>;

export function ProfileUploadForm({ engagementId, entities, integrations, initialTarget, createAction }: {
  engagementId: string;
  entities: ProfileTargetOption[];
  integrations: ProfileTargetOption[];
  initialTarget: string;
  createAction: CreateAction;
}) {
  const router = useRouter();
  const targetId = useId();
  const fileId = useId();
  const [target, setTarget] = useState(initialTarget);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const isInterface = target.startsWith("integration:");

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string[]> = {};
    if (!target) errs.target = ["Choose the data entity or interface this file is a sample of"];
    if (!file) errs.file = ["Choose a file"];
    else if (file.size === 0) errs.file = ["The file is empty"];
    setErrors(errs);
    if (Object.keys(errs).length || !file) return;
    const [targetType, id] = target.split(":") as [string, string];
    setPending(true);
    try {
      const res = await createAction({ engagementId, targetType, targetId: id, fileName: file.name, bytes: file.size });
      if (!res.ok) {
        if (res.code === "INVALID") setErrors({ file: res.fieldErrors.fileName ?? res.fieldErrors.bytes ?? [res.message], target: res.fieldErrors.targetId ?? [] });
        else toast.error(res.message);
        return;
      }
      const runId = res.data.runId;
      // The upload carries on while the run page shows its progress (client-side navigation keeps this tab's
      // requests alive); its outcome is recorded on the run, so nothing here waits for it.
      void sendProfileUpload(runId, file);
      router.push(`/engagements/${engagementId}/profile/${runId}`);
    } catch {
      toast.error("Sounding could not be reached. Try again.");
    } finally {
      setPending(false);
    }
  }

  const hasTargets = entities.length + integrations.length > 0;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FieldShell label="What is this file a sample of?" id={targetId} error={errors.target?.length ? errors.target : undefined} required>
        <select
          id={targetId}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setErrors((prev) => ({ ...prev, target: [] }));
          }}
          disabled={!hasTargets}
          aria-invalid={errors.target?.length ? true : undefined}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 pr-8 text-sm text-ink-900 shadow-sm ring-1 ring-inset ring-ink-200 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none"
        >
          <option value="">Choose a data entity or an interface…</option>
          {entities.length ? (
            <optgroup label="Data entities (extracts: CSV, XLSX, FHIR NDJSON)">
              {entities.map((o) => <option key={o.id} value={`data_entity:${o.id}`}>{o.label}{o.detail ? ` — ${o.detail}` : ""}</option>)}
            </optgroup>
          ) : null}
          {integrations.length ? (
            <optgroup label="Interfaces (message samples: HL7 v2, X12)">
              {integrations.map((o) => <option key={o.id} value={`integration:${o.id}`}>{o.label}{o.detail ? ` — ${o.detail}` : ""}</option>)}
            </optgroup>
          ) : null}
        </select>
      </FieldShell>
      <FieldShell
        label={isInterface ? "Message sample file" : "Extract file"}
        id={fileId}
        error={errors.file?.length ? errors.file : undefined}
        hint={isInterface ? "HL7 v2 (.hl7, .txt, MLLP framed or not) or X12 (.edi, .x12)." : "CSV/TSV/pipe-delimited, Excel .xlsx, or FHIR Bulk Data NDJSON (.ndjson, .ndjson.gz)."}
        required
      >
        <input
          id={fileId}
          type="file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setErrors((prev) => ({ ...prev, file: [] }));
          }}
          aria-invalid={errors.file?.length ? true : undefined}
          className="block w-full text-sm text-ink-700 file:mr-3 file:rounded-md file:border-0 file:bg-ink-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-ink-800 hover:file:bg-ink-200"
        />
      </FieldShell>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" pending={pending} disabled={!hasTargets}>
          <Upload className="size-4" aria-hidden /> {isInterface ? "Profile message samples" : "Profile the extract"}
        </Button>
        <p className="text-sm text-ink-600">Keep this tab open until the upload finishes; you can leave while it is analysed.</p>
      </div>
    </form>
  );
}
