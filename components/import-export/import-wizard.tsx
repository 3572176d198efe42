"use client";
// Importing a CSV/XLSX file into one inventory, in four steps on one page: upload → map columns (with a
// preview) → dry run (per-row outcome) → apply. The file travels once; every later step works from the
// import batch stored on the server, whose id is kept in the URL (?batch=…) so a reload resumes.
import { useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import Link from "@/components/ui/link";
import { toast } from "sonner";
import { AlertTriangle, ArrowLeft, BookmarkCheck, Check, CheckCircle2, FileSpreadsheet, FileUp, Info, Upload } from "lucide-react";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { controlClass } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors";
import type { InventoryKey } from "@/lib/inventories/registry";
import { allowedValuesText, inventorySpec } from "@/lib/import-export/columns";
import { checkMapping } from "@/lib/import-export/headers";
import { suppliedColumns } from "@/lib/import-export/inference";
import type { RowStatus } from "@/lib/import-export/dry-run";
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL, type ImportBatchView, type RowResultView } from "@/lib/import-export/schema";
import type { PrepareOptions } from "@/lib/import-export/prepare";
import { profileOffer, type ImportProfileView } from "@/lib/import-export/profiles";
import { PrepPanel } from "@/components/import-export/prep-panel";

type Act = (input: unknown) => Promise<ActionResult<ImportBatchView>>;

export type ImportWizardProps = {
  engagementId: string;
  inventory: InventoryKey;
  inventoryHref: string;
  templateHrefs: { xlsx: string; csv: string };
  initial: ImportBatchView | null;
  /** Set when ?batch= named an import that is gone (applied long ago, expired, or not this inventory's). */
  missingBatch?: boolean;
  actions: { upload: (form: FormData) => Promise<ActionResult<ImportBatchView>>; dryRun: Act; apply: Act; applyProfile: Act; saveProfile: Act };
};

type Step = "upload" | "mapping" | "dry_run" | "applied";
const STEPS: { id: Step; label: string }[] = [
  { id: "upload", label: "Upload" },
  { id: "mapping", label: "Map columns" },
  { id: "dry_run", label: "Dry run" },
  { id: "applied", label: "Imported" },
];

const STATUS: Record<RowStatus, { label: string; tone: "green" | "brand" | "neutral" | "red" }> = {
  create: { label: "New", tone: "green" },
  update: { label: "Update", tone: "brand" },
  unchanged: { label: "Unchanged", tone: "neutral" },
  error: { label: "Error", tone: "red" },
};

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ImportWizard(props: ImportWizardProps) {
  const pathname = usePathname();
  const spec = inventorySpec(props.inventory);
  const [view, setView] = useState<ImportBatchView | null>(props.initial);
  const [mapping, setMapping] = useState<(string | null)[]>(props.initial?.mapping ?? []);
  const [isRemapping, setIsRemapping] = useState(false);
  const [pending, setPending] = useState<null | "upload" | "dry_run" | "apply" | "profile">(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // the value mapping, inference and quirk choices; suggestions are confirmed by default in the wizard
  const [options, setOptions] = useState<PrepareOptions>(props.initial?.dryRunAt ? props.initial.options : { acceptSuggestions: true });

  const step: Step = !view ? "upload" : view.stage === "applied" ? "applied" : view.stage === "dry_run" && !isRemapping ? "dry_run" : "mapping";

  function show(next: ImportBatchView) {
    setView(next);
    setMapping(next.mapping);
    setIsRemapping(false);
    // keep the batch in the URL so a reload resumes; no server round trip (Next syncs history.replaceState)
    window.history.replaceState(null, "", `${pathname}?batch=${encodeURIComponent(next.batchId)}`);
  }

  function startOver() {
    setView(null);
    setMapping([]);
    setIsRemapping(false);
    setFileError(null);
    window.history.replaceState(null, "", pathname);
  }

  async function upload(file: File) {
    setFileError(null);
    const ext = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".")).toLowerCase() : "";
    if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
      setFileError(`“${file.name}” is not a CSV or Excel file. Save it as .xlsx or .csv and try again.`);
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setFileError(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_LABEL}. Split it into smaller files.`);
      return;
    }
    const form = new FormData();
    form.set("engagementId", props.engagementId);
    form.set("inventory", props.inventory);
    form.set("file", file);
    setPending("upload");
    try {
      const res = await props.actions.upload(form);
      if (res.ok) show(res.data);
      else setFileError(res.code === "INVALID" ? (res.fieldErrors.file?.[0] ?? res.message) : res.message);
    } catch {
      setFileError(`The upload did not reach Sounding. Check your connection; files up to ${MAX_UPLOAD_LABEL} are accepted.`);
    } finally {
      setPending(null);
    }
  }

  async function dryRun(next: PrepareOptions = options) {
    if (!view) return;
    setOptions(next);
    setPending("dry_run");
    try {
      const res = await props.actions.dryRun({ engagementId: props.engagementId, batchId: view.batchId, mapping, options: next });
      if (res.ok) show(res.data);
      else toast.error(res.code === "INVALID" ? (res.fieldErrors.mapping?.[0] ?? res.message) : res.message);
    } catch {
      toast.error("Sounding could not be reached. Try again.");
    } finally {
      setPending(null);
    }
  }

  async function applyProfile(profile: ImportProfileView) {
    if (!view) return;
    setPending("profile");
    try {
      const res = await props.actions.applyProfile({ engagementId: props.engagementId, batchId: view.batchId, profileId: profile.id });
      if (res.ok) {
        show(res.data);
        setOptions(res.data.options);
        toast.success(`Columns matched as in “${profile.name}”; its value mappings apply in the dry run`);
      } else toast.error(res.message);
    } catch {
      toast.error("Sounding could not be reached. Try again.");
    } finally {
      setPending(null);
    }
  }

  /** Returns an error message for the form, or null when saved. */
  async function saveProfile(name: string): Promise<string | null> {
    if (!view) return null;
    setPending("profile");
    try {
      const res = await props.actions.saveProfile({ engagementId: props.engagementId, batchId: view.batchId, name });
      if (!res.ok) return res.code === "INVALID" ? (res.fieldErrors.name?.[0] ?? res.message) : res.message;
      // only the profile changed: the rows and results on screen stay as they are
      const savedProfile = res.data.savedProfile;
      setView((v) => (v ? { ...v, savedProfile } : v));
      toast.success(`Mappings saved as “${savedProfile?.name ?? name}”`);
      return null;
    } catch {
      return "Sounding could not be reached. Try again.";
    } finally {
      setPending(null);
    }
  }

  async function apply(skipErrors = false) {
    if (!view) return;
    setPending("apply");
    try {
      const res = await props.actions.apply({ engagementId: props.engagementId, batchId: view.batchId, ...(skipErrors ? { skipErrors: true } : {}) });
      if (res.ok) {
        // the action revalidates the inventory pages; this page needs no refresh
        show(res.data);
        toast.success("Import applied");
      } else toast.error(res.message, { duration: 8000 });
    } catch {
      toast.error("Sounding could not be reached. Nothing was imported; try again.");
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-6">
      <StepIndicator current={step} />
      {props.missingBatch && !view ? (
        <Notice tone="amber" icon={<Info className="size-4" />}>That import is no longer available (it was applied, or it expired after a day). Upload the file again.</Notice>
      ) : null}
      {step === "upload" ? (
        <UploadStep spec={spec} templateHrefs={props.templateHrefs} pending={pending === "upload"} error={fileError} onFile={upload} />
      ) : null}
      {step === "mapping" && view ? (
        <MappingStep
          spec={spec}
          view={view}
          profilePending={pending === "profile"}
          onApplyProfile={applyProfile}
          mapping={mapping}
          onChange={(i, id) => setMapping((m) => m.map((x, j) => (j === i ? id : x)))}
          pending={pending === "dry_run"}
          onDryRun={() => dryRun()}
          onStartOver={startOver}
          onCancelRemap={view.stage === "dry_run" ? () => { setMapping(view.mapping); setIsRemapping(false); } : undefined}
        />
      ) : null}
      {step === "dry_run" && view ? (
        <>
          {view.prep ? <PrepPanel spec={spec} view={view} options={options} pending={pending === "dry_run"} onRun={(next) => dryRun(next)} /> : null}
          <DryRunStep spec={spec} view={view} pending={pending === "apply"} onApply={apply} onStartOver={startOver} onRemap={() => setIsRemapping(true)} inventoryHref={props.inventoryHref} engagementId={props.engagementId} />
          <SaveProfileCard view={view} pending={pending === "profile"} onSave={saveProfile} />
        </>
      ) : null}
      {step === "applied" && view ? <AppliedStep spec={spec} view={view} inventoryHref={props.inventoryHref} onStartOver={startOver} /> : null}
    </div>
  );
}

type Spec = ReturnType<typeof inventorySpec>;

function StepIndicator({ current }: { current: Step }) {
  // the last step is done, not in progress, once reached
  const index = current === "applied" ? STEPS.length : STEPS.findIndex((s) => s.id === current);
  return (
    <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm" aria-label="Import steps">
      {STEPS.map((s, i) => (
        <li key={s.id} className="flex items-center gap-2" aria-current={i === index || (i === STEPS.length - 1 && index === STEPS.length) ? "step" : undefined}>
          <span
            className={cn(
              "flex size-6 items-center justify-center rounded-full text-xs font-semibold ring-1 ring-inset",
              i < index && "bg-brand-600 text-white ring-brand-600",
              i === index && "bg-brand-50 text-brand-700 ring-brand-500",
              i > index && "bg-white text-ink-400 ring-ink-200",
            )}
          >
            {i < index ? <Check className="size-3.5" aria-hidden /> : i + 1}
          </span>
          <span className={cn("font-medium", i === index ? "text-ink-900" : i < index ? "text-ink-700" : "text-ink-400")}>{s.label}</span>
          {i < STEPS.length - 1 ? <span className="mx-1 h-px w-8 bg-ink-200" aria-hidden /> : null}
        </li>
      ))}
    </ol>
  );
}

function Notice({ tone, icon, children, role }: { tone: "amber" | "red" | "green" | "brand"; icon: ReactNode; children: ReactNode; role?: "alert" | "status" }) {
  const tones = {
    amber: "border-amber-300 bg-amber-50 text-amber-900",
    red: "border-red-300 bg-red-50 text-red-900",
    green: "border-emerald-300 bg-emerald-50 text-emerald-900",
    brand: "border-brand-200 bg-brand-50 text-brand-900",
  };
  return (
    <div role={role} className={cn("flex gap-3 rounded-lg border p-4 text-sm", tones[tone])}>
      <span className="mt-0.5 shrink-0">{icon}</span>
      <div className="min-w-0 space-y-2">{children}</div>
    </div>
  );
}

// ---------------------------------------------------------------- 1. upload

function UploadStep({ spec, templateHrefs, pending, error, onFile }: { spec: Spec; templateHrefs: { xlsx: string; csv: string }; pending: boolean; error: string | null; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setIsOver(false);
    const file = e.dataTransfer.files?.[0];
    if (file && !pending) onFile(file);
  };
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <Card>
        <CardHeader title="Upload a spreadsheet" description={`CSV or Excel (.xlsx), up to ${MAX_UPLOAD_LABEL}. The first worksheet is read; its header row can be anywhere in the first rows.`} />
        <CardBody className="space-y-4">
          <label
            htmlFor="import-file"
            onDragOver={(e) => {
              e.preventDefault();
              setIsOver(true);
            }}
            onDragLeave={() => setIsOver(false)}
            onDrop={onDrop}
            className={cn(
              "flex cursor-pointer flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-12 text-center transition-colors",
              isOver ? "border-brand-500 bg-brand-50" : "border-ink-300 bg-ink-50/60 hover:border-brand-400 hover:bg-brand-50/40",
              pending && "pointer-events-none opacity-70",
              error && "border-red-300",
            )}
          >
            {pending ? (
              <span className="size-8 animate-spin rounded-full border-4 border-brand-500 border-r-transparent" aria-hidden />
            ) : (
              <FileUp className="size-9 text-brand-600" aria-hidden />
            )}
            <span className="text-sm font-medium text-ink-900">{pending ? "Reading the file…" : "Drop the file here, or choose one"}</span>
            <span className="text-xs text-ink-500">.xlsx · .csv · .tsv — nothing is imported until you confirm the dry run</span>
            <span className={buttonClass("secondary", "sm", "mt-1")} aria-hidden>
              <Upload className="size-4" /> Choose file…
            </span>
          </label>
          <input
            ref={input}
            id="import-file"
            name="file"
            type="file"
            aria-label="Spreadsheet file"
            accept={[...ACCEPTED_EXTENSIONS, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"].join(",")}
            className="sr-only"
            disabled={pending}
            aria-describedby={error ? "import-file-error" : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) onFile(file);
            }}
          />
          {error ? (
            <p id="import-file-error" role="alert" className="flex items-start gap-2 text-sm text-red-700">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {error}
            </p>
          ) : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Start from the template" description={`The columns Sounding reads for the ${spec.label.toLowerCase()}, with an example row.`} />
        <CardBody className="space-y-3 text-sm">
          <div className="flex flex-wrap gap-2">
            <a href={templateHrefs.xlsx} download className={buttonClass("secondary", "sm")}>
              <FileSpreadsheet className="size-4" aria-hidden /> Template (.xlsx)
            </a>
            <a href={templateHrefs.csv} download className={buttonClass("ghost", "sm")}>
              Template (.csv)
            </a>
          </div>
          <p className="text-ink-600">Your own spreadsheet works too: headers like “# records” or “Source table” are recognised, and you can map the rest by hand.</p>
          <ul className="list-disc space-y-1 pl-5 text-ink-600">
            <li>Rows are matched on <strong className="font-medium text-ink-800">{spec.keyHeaders}</strong>: existing ones are updated, new ones created, rows not in the file left alone.</li>
            <li>12,000 · 1.2M · 35% · $12,500 · Yes/No/X · 2027-03-15 and Excel dates are understood; choices can be labels (“Archive only”).</li>
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}

// ---------------------------------------------------------------- 2. mapping

function MappingStep({
  spec, view, mapping, onChange, pending, onDryRun, onStartOver, onCancelRemap, profilePending, onApplyProfile,
}: {
  spec: Spec; view: ImportBatchView; mapping: (string | null)[]; onChange: (index: number, id: string | null) => void; pending: boolean;
  onDryRun: () => void; onStartOver: () => void; onCancelRemap?: () => void; profilePending: boolean; onApplyProfile: (p: ImportProfileView) => void;
}) {
  // a key or required column the file lacks is no problem when the preparation supplies it (composed or
  // inferred from the row's other columns), as the dry run on the server does
  const problems = useMemo(() => checkMapping(spec, [...mapping, ...suppliedColumns(spec, mapping)]), [spec, mapping]);
  const blocking = problems.filter((p) => p.isBlocking);
  const counts = new Map<string, number>();
  for (const id of mapping) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  const headerOf = (id: string | null) => (id ? spec.columns.find((c) => c.id === id)?.header ?? id : null);
  const mappedCount = mapping.filter(Boolean).length;

  return (
    <div className="space-y-6">
      {view.profile ? (
        <Notice tone="green" icon={<BookmarkCheck className="size-4" aria-hidden />} role="status">
          <p>Columns matched as in the saved profile <span className="font-semibold">“{view.profile.name}”</span>; its value mappings apply in the dry run. Check the matches below.</p>
        </Notice>
      ) : view.profileOffers.length ? (
        <ProfileOffer spec={spec} offers={view.profileOffers} pending={profilePending} onApply={onApplyProfile} />
      ) : null}
      <Card>
        <CardHeader
          title="Match your columns"
          description={
            <>
              <span className="font-medium text-ink-700">{view.fileName}</span> · {plural(view.rowCount, "row")}
              {view.sheetName ? <> · worksheet “{view.sheetName}”</> : null} · header on row {view.headerRow}
              {view.blankRows ? <> · {plural(view.blankRows, "blank row")} skipped</> : null}
              {view.filledDown ? <> · merged cells filled down into {plural(view.filledDown.cells, "cell")}</> : null}
            </>
          }
          actions={<Button variant="ghost" size="sm" onClick={onStartOver}><ArrowLeft className="size-4" aria-hidden /> Different file</Button>}
        />
        <CardBody className="space-y-4">
          <p className="text-sm text-ink-600">
            {mappedCount} of {view.headers.length} columns are matched to a Sounding field. Check each one; choose “Ignore” for columns Sounding should not read.
            A column you ignore leaves that field untouched on existing rows.
          </p>
          <ScrollRegion label="Column matches" className="rounded-lg ring-1 ring-ink-200/70">
            <table className="min-w-full divide-y divide-ink-100 text-sm">
              <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5">Column in your file</th>
                  <th scope="col" className="px-4 py-2.5">First values</th>
                  <th scope="col" className="px-4 py-2.5">Sounding field</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100 bg-white">
                {view.headers.map((header, i) => {
                  const id = mapping[i] ?? null;
                  const col = id ? spec.columns.find((c) => c.id === id) : undefined;
                  const isDuplicate = id ? (counts.get(id) ?? 0) > 1 : false;
                  const isAuto = id !== null && id === view.suggested[i];
                  return (
                    <tr key={i} className={cn(!id && "bg-ink-50/50")}>
                      <td className="px-4 py-3 align-top">
                        <div className={cn("font-medium", id ? "text-ink-900" : "text-ink-500")}>{header}</div>
                        {isAuto ? <div className="mt-1"><Badge tone="green"><Check className="size-3" aria-hidden /> Recognised</Badge></div> : null}
                        {!id && view.suggested[i] === null ? <div className="mt-1 text-xs text-ink-500">Not recognised</div> : null}
                      </td>
                      <td className="max-w-xs px-4 py-3 align-top text-ink-600">
                        {view.samples[i]?.length ? (
                          <ul className="space-y-0.5">{view.samples[i].map((s, k) => <li key={k} className="truncate" title={s}>{s}</li>)}</ul>
                        ) : (
                          <span className="text-ink-400">(empty)</span>
                        )}
                      </td>
                      <td className="w-80 px-4 py-3 align-top">
                        <label htmlFor={`map-${i}`} className="sr-only">Sounding field for “{header}”</label>
                        <select
                          id={`map-${i}`}
                          value={id ?? ""}
                          onChange={(e) => onChange(i, e.target.value || null)}
                          className={cn(controlClass, isDuplicate && "ring-red-400")}
                          aria-invalid={isDuplicate || undefined}
                        >
                          <option value="">— Ignore this column —</option>
                          {spec.columns.map((c) => (
                            <option key={c.id} value={c.id}>
                              {c.header}{c.isKey ? " (key)" : c.isRequired ? " (required)" : ""}{counts.get(c.id) && c.id !== id ? " — already used" : ""}
                            </option>
                          ))}
                        </select>
                        {col ? <p className="mt-1 text-xs text-ink-500">{col.kind === "quirks" ? col.description : allowedValuesText(col)}</p> : null}
                        {isDuplicate ? <p className="mt-1 text-xs text-red-700">Also chosen for another column</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
          {problems.length ? (
            <Notice tone={blocking.length ? "red" : "amber"} icon={<AlertTriangle className="size-4" />} role={blocking.length ? "alert" : "status"}>
              <ul className="space-y-1">{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
            </Notice>
          ) : null}
          <div className="flex flex-wrap items-center justify-end gap-2">
            {onCancelRemap ? <Button variant="ghost" onClick={onCancelRemap}>Back to the dry run</Button> : null}
            <Button onClick={onDryRun} pending={pending} disabled={blocking.length > 0}>Run dry run</Button>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Preview" description={`The first ${view.preview.length} rows as Sounding reads them. Nothing is saved yet.`} />
        <ScrollRegion label="Preview">
          <table className="min-w-full divide-y divide-ink-100 text-sm">
            <thead className="bg-ink-50 text-left text-xs">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium text-ink-500">Row</th>
                {view.headers.map((h, i) => (
                  <th key={i} scope="col" className={cn("px-3 py-2 align-bottom", !mapping[i] && "text-ink-400")}>
                    <div className="font-medium normal-case text-ink-700">{headerOf(mapping[i] ?? null) ?? <span className="italic text-ink-400">ignored</span>}</div>
                    <div className="font-normal text-ink-500">{h}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {view.preview.map((r) => (
                <tr key={r.row}>
                  <td className="tabular px-3 py-2 text-ink-500">{r.row}</td>
                  {view.headers.map((_, i) => (
                    <td key={i} className={cn("max-w-56 truncate px-3 py-2", mapping[i] ? "text-ink-900" : "text-ink-400")} title={r.cells[i] === null ? "" : String(r.cells[i])}>
                      {r.cells[i] === null ? "" : String(r.cells[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
    </div>
  );
}

function ProfileOffer({ spec, offers, pending, onApply }: { spec: Spec; offers: ImportProfileView[]; pending: boolean; onApply: (p: ImportProfileView) => void }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const [best, ...others] = offers;
  return (
    <section aria-labelledby="profile-offer-title">
      <Notice tone="brand" icon={<BookmarkCheck className="size-4" aria-hidden />}>
        <p id="profile-offer-title" className="font-semibold">{profileOffer(best, spec.noun)}</p>
        <p>
          Saved profile “{best.name}”{best.sourceFileName ? <> from {best.sourceFileName}</> : null}
          {best.match < 1 ? ` · ${Math.round(best.match * 100)}% of the columns match` : " · the same columns"}. Its column matches and value mappings are used; you can still change any of them.
        </p>
        <div className="flex flex-wrap gap-2 pt-1">
          <Button size="sm" onClick={() => onApply(best)} pending={pending}>Apply its mappings</Button>
          {others.map((o) => (
            <Button key={o.id} size="sm" variant="secondary" onClick={() => onApply(o)} disabled={pending}>Use “{o.name}” instead</Button>
          ))}
          <Button size="sm" variant="ghost" onClick={() => setDismissed(true)}>Not this time</Button>
        </div>
      </Notice>
    </section>
  );
}

// ---------------------------------------------------------------- 3. dry run

type Filter = "all" | RowStatus;

function DryRunStep({ spec, view, pending, onApply, onStartOver, onRemap, inventoryHref, engagementId }: { spec: Spec; view: ImportBatchView; pending: boolean; onApply: (skipErrors?: boolean) => void; onStartOver: () => void; onRemap: () => void; inventoryHref: string; engagementId: string }) {
  const counts = view.counts ?? { create: 0, update: 0, unchanged: 0, error: 0 };
  const [filter, setFilter] = useState<Filter>(counts.error > 0 ? "error" : "all");
  const [limit, setLimit] = useState(200);
  const rows = view.results.filter((r) => filter === "all" || r.status === filter);
  const total = counts.create + counts.update + counts.unchanged + counts.error;
  const toWrite = counts.create + counts.update;
  const tabs: { id: Filter; label: string; n: number }[] = [
    { id: "all", label: "All rows", n: total },
    { id: "error", label: "Errors", n: counts.error },
    { id: "create", label: "New", n: counts.create },
    { id: "update", label: "Updates", n: counts.update },
    { id: "unchanged", label: "Unchanged", n: counts.unchanged },
  ];

  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-4">
        <Stat label="New rows" value={counts.create} tone="green" />
        <Stat label="Updated rows" value={counts.update} tone="brand" />
        <Stat label="Unchanged" value={counts.unchanged} tone="neutral" />
        <Stat label="Errors" value={counts.error} tone={counts.error ? "red" : "neutral"} />
      </div>

      {counts.error > 0 ? (
        <Notice tone="red" icon={<AlertTriangle className="size-4" />} role="alert">
          <p className="font-semibold">{plural(counts.error, "row has an error", "rows have errors")}. Nothing has been changed yet.</p>
          <p>
            {toWrite > 0
              ? `Import the ${plural(toWrite, "valid row")} now and skip these (download them, fix them and import that file again), or fix the file and upload it again.`
              : "Fix the file and upload it again — the rows below say which cell is wrong and why."}
          </p>
          <div className="flex flex-wrap gap-2 pt-1">
            {toWrite > 0 ? (
              <Button size="sm" onClick={() => onApply(true)} pending={pending}>
                Import the {plural(toWrite, "valid row")}, skip {formatNumber(counts.error)}
              </Button>
            ) : null}
            <a className={buttonClass("secondary", "sm")} href={`/api/engagements/${encodeURIComponent(engagementId)}/import/${encodeURIComponent(view.batchId)}/skipped-rows`} download>
              Download the {plural(counts.error, "row")} with errors (CSV)
            </a>
            <Button size="sm" variant={toWrite > 0 ? "ghost" : "primary"} onClick={onStartOver}><Upload className="size-4" aria-hidden /> Upload the corrected file</Button>
            <Button size="sm" variant="ghost" onClick={onRemap}>Change column matching</Button>
          </div>
        </Notice>
      ) : toWrite === 0 ? (
        <Notice tone="brand" icon={<Info className="size-4" />} role="status">
          <p className="font-semibold">Nothing to import: every row already matches the {spec.label.toLowerCase()}.</p>
          <div className="flex flex-wrap gap-2 pt-1">
            <ButtonLink size="sm" variant="secondary" href={inventoryHref}>Open the {spec.label.toLowerCase()}</ButtonLink>
            <Button size="sm" variant="ghost" onClick={onStartOver}>Import another file</Button>
          </div>
        </Notice>
      ) : (
        <Card>
          <CardBody className="flex flex-wrap items-center justify-between gap-4">
            <div className="text-sm text-ink-700">
              <p className="font-semibold text-ink-900">Ready to import {view.fileName}</p>
              <p>
                {capitalize([counts.create ? `create ${plural(counts.create, spec.noun, spec.nounPlural)}` : "", counts.update ? `update ${plural(counts.update, spec.noun, spec.nounPlural)}` : ""].filter(Boolean).join(" and "))}
                {counts.unchanged ? `; ${formatNumber(counts.unchanged)} unchanged` : ""}. All rows are applied together or not at all; rows not in the file stay as they are.
              </p>
            </div>
            <div className="flex gap-2">
              <Button variant="ghost" onClick={onRemap}>Change column matching</Button>
              <Button onClick={() => onApply()} pending={pending}>Apply import</Button>
            </div>
          </CardBody>
        </Card>
      )}

      <Card>
        <CardHeader title="Dry run, row by row" description={`${view.fileName} · matched on ${spec.keyHeaders}${view.blankRows ? ` · ${plural(view.blankRows, "blank row")} skipped` : ""}`} />
        <div className="border-b border-ink-100 px-5">
          <div role="tablist" aria-label="Show rows" className="-mb-px flex flex-wrap gap-x-5">
            {tabs.map((t) => (
              <button
                key={t.id}
                role="tab"
                type="button"
                aria-selected={filter === t.id}
                onClick={() => { setFilter(t.id); setLimit(200); }}
                className={cn("border-b-2 px-0.5 py-2.5 text-sm font-medium", filter === t.id ? "border-brand-600 text-brand-800" : "border-transparent text-ink-600 hover:text-ink-900")}
              >
                {t.label} <span className="tabular text-ink-400">{formatNumber(t.n)}</span>
              </button>
            ))}
          </div>
        </div>
        {rows.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-ink-500">No rows here.</p>
        ) : (
          <ScrollRegion label="Dry-run results">
            <table className="min-w-full divide-y divide-ink-100 text-sm" aria-label="Dry-run results">
              <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
                <tr>
                  <th scope="col" className="w-16 px-4 py-2.5">Row</th>
                  <th scope="col" className="w-28 px-4 py-2.5">Outcome</th>
                  <th scope="col" className="px-4 py-2.5">{spec.noun.charAt(0).toUpperCase() + spec.noun.slice(1)}</th>
                  <th scope="col" className="px-4 py-2.5">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {rows.slice(0, limit).map((r) => <ResultRow key={r.row} r={r} />)}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {rows.length > limit ? (
          <div className="border-t border-ink-100 px-5 py-3 text-center">
            <Button variant="ghost" size="sm" onClick={() => setLimit((l) => l + 500)}>Show more ({formatNumber(rows.length - limit)} left)</Button>
          </div>
        ) : null}
        {view.resultsTotal > view.results.length ? (
          <p className="border-t border-ink-100 px-5 py-3 text-xs text-ink-500">
            Showing every error and the first {formatNumber(view.results.length - counts.error)} other rows of {formatNumber(view.resultsTotal)}; the counts above cover all rows.
          </p>
        ) : null}
      </Card>
    </div>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone: "green" | "brand" | "neutral" | "red" }) {
  const tones = { green: "text-emerald-700", brand: "text-brand-700", neutral: "text-ink-700", red: "text-red-700" };
  return (
    <div className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-ink-200/70">
      <div className="text-xs font-medium uppercase tracking-wide text-ink-500">{label}</div>
      <div className={cn("tabular mt-1 text-2xl font-semibold", tones[tone])}>{formatNumber(value)}</div>
    </div>
  );
}

function ResultRow({ r }: { r: RowResultView }) {
  const s = STATUS[r.status];
  return (
    <tr className={cn(r.status === "error" && "bg-red-50/40")}>
      <td className="tabular px-4 py-2.5 align-top text-ink-600">{r.row}</td>
      <td className="px-4 py-2.5 align-top"><Badge tone={s.tone}>{s.label}</Badge></td>
      <td className="max-w-xs px-4 py-2.5 align-top font-medium text-ink-900">{r.label}</td>
      <td className="px-4 py-2.5 align-top">
        {r.errors?.length ? (
          <ul className="space-y-1 text-red-800">
            {r.errors.map((e, i) => (
              <li key={i}><span className="font-medium">{e.column}</span>: {e.message}</li>
            ))}
          </ul>
        ) : r.changes?.length ? (
          <ul className="space-y-0.5 text-ink-700">
            {r.changes.map((c, i) => (
              <li key={i}>
                <span className="font-medium">{c.column}</span>: <span className="text-ink-500 line-through decoration-ink-300">{c.from}</span> → {c.to}
              </li>
            ))}
          </ul>
        ) : r.status === "create" ? (
          <span className="text-ink-600">{r.summary || "Will be added"}</span>
        ) : (
          <span className="text-ink-400">Same as stored</span>
        )}
      </td>
    </tr>
  );
}

function SaveProfileCard({ view, pending, onSave }: { view: ImportBatchView; pending: boolean; onSave: (name: string) => Promise<string | null> }) {
  const suggestedName = view.savedProfile?.name ?? view.profile?.name ?? view.fileName.replace(/\.[a-z0-9]{1,5}$/i, "");
  const [name, setName] = useState(suggestedName);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader
        title="Remember these mappings"
        description="Save the column matches and value mappings as a profile of your firm. When a file with these columns is uploaded again, Sounding offers them. They are also saved when you apply the import."
      />
      <CardBody>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(await onSave(name));
          }}
        >
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor="profile-name" className="mb-1 block text-sm font-medium text-ink-800">Profile name</label>
            <input
              id="profile-name"
              name="name"
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              className={cn(controlClass, error && "ring-red-400")}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "profile-name-error" : view.savedProfile ? "profile-name-saved" : undefined}
            />
          </div>
          <Button type="submit" variant="secondary" pending={pending}>Save mappings</Button>
          {error ? <p id="profile-name-error" role="alert" className="w-full text-sm text-red-700">{error}</p> : null}
          {!error && view.savedProfile ? (
            <p id="profile-name-saved" role="status" className="w-full text-sm text-emerald-800">
              <Check className="mr-1 inline size-4" aria-hidden />Saved as “{view.savedProfile.name}”.
            </p>
          ) : null}
        </form>
      </CardBody>
    </Card>
  );
}

// ---------------------------------------------------------------- 4. done

function AppliedStep({ spec, view, inventoryHref, onStartOver }: { spec: Spec; view: ImportBatchView; inventoryHref: string; onStartOver: () => void }) {
  const a = view.applied ?? { created: 0, updated: 0, unchanged: 0 };
  return (
    <Card>
      <CardBody className="flex flex-col items-center gap-3 py-10 text-center">
        <CheckCircle2 className="size-10 text-emerald-600" aria-hidden />
        <h2 className="text-lg font-semibold">Imported {view.fileName}</h2>
        <p className="text-sm text-ink-600" role="status">
          {[
            a.created ? `${plural(a.created, spec.noun, spec.nounPlural)} created` : "",
            a.updated ? `${plural(a.updated, spec.noun, spec.nounPlural)} updated` : "",
            a.unchanged ? `${formatNumber(a.unchanged)} unchanged` : "",
          ].filter(Boolean).join(", ") || "Nothing changed"}
          . The import is recorded in the activity log.
        </p>
        {view.savedProfile ? (
          <p className="text-sm text-ink-600">
            <BookmarkCheck className="mr-1 inline size-4 text-brand-600" aria-hidden />
            The column and value mappings are saved as the profile “{view.savedProfile.name}”; Sounding offers them when a file with these columns comes again.
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap justify-center gap-2">
          <ButtonLink href={inventoryHref}>Open the {spec.label.toLowerCase()}</ButtonLink>
          <Button variant="secondary" onClick={onStartOver}>Import another file</Button>
        </div>
        <Link href={inventoryHref.replace(/\/[^/]+$/, "/activity")} className="text-xs text-brand-700 hover:underline">View the activity log</Link>
      </CardBody>
    </Card>
  );
}
