"use client";
// The assumptions page's form: team and labor rates, license terms, the cutover plan, build size,
// targets and every model constant (with its default, unit and basis, and reset per field). Validated
// with the shared schema (inline errors, first invalid field focused), saved with optimistic concurrency
// (a CONFLICT shows the other person's version; nothing is overwritten silently). Read-only roles see
// text, not controls; roles without rates.view never receive rates or fees (null in the values).
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { WORKSTREAMS, type Workstream } from "@/lib/engagement-format/schema";
import { DEFAULT_RATES_CENTS } from "@/lib/estimate/defaults";
import {
  AssumptionsFormSchema,
  BILLING_START_LABELS,
  EDITABLE_CONSTANTS,
  FEE_BASIS_LABELS,
  STAFFING_FIELDS,
  STAFFING_LABELS,
  WORKSTREAM_NAMES,
  constantDefinition,
  isConstantOverridden,
  isRateOverridden,
  numberInput,
  type AssumptionsDto,
  type AssumptionsFormValues,
} from "@/lib/assumptions/schema";
import { fieldAnchor, rateAnchor } from "@/lib/assumptions/anchors";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LabeledField, NumberInput, ResetButton, inputClass as controlClass } from "@/components/assumptions/fields";
import { ConstantsEditor, constantLayout } from "@/components/assumptions/constants-editor";
import { WavesEditor } from "@/components/assumptions/waves-editor";
import { LicenseSourcesEditor } from "@/components/assumptions/license-sources-editor";

type SaveResult = ActionResult<{ version: number; changed: number }>;

const dollars = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
const DEFAULTS_TEXT: Record<string, string> = { teamFte: "8", interfaceEngineers: "2", productiveHoursPerWeek: "32" };

/** Flat path → typed string, for "what differs from theirs" and the unsaved-changes count. */
function flatten(v: AssumptionsFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.rates) for (const ws of WORKSTREAMS) out[`rates.${ws}`] = v.rates[ws];
  out.teamFte = v.teamFte;
  out.interfaceEngineers = v.interfaceEngineers;
  for (const k of STAFFING_FIELDS) out[`staffing.${k}`] = v.staffing[k];
  out.productiveHoursPerWeek = v.productiveHoursPerWeek;
  for (const [k, x] of Object.entries(v.license)) {
    if (k === "sources") v.license.sources.forEach((src, i) => Object.entries(src).forEach(([f, y]) => y !== null && (out[`license.sources.${i}.${f}`] = String(y))));
    else if (x !== null) out[`license.${k}`] = String(x);
  }
  out["license.sources"] = String(v.license.sources.length);
  out.waves = JSON.stringify(v.waves);
  out.buildFunctionPoints = v.buildFunctionPoints;
  out.targetGoLive = v.targetGoLive;
  out.targetBudget = v.targetBudget;
  for (const [k, x] of Object.entries(v.constants)) out[`constants.${k}`] = x;
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  teamFte: "Team size (FTE)",
  interfaceEngineers: "Interface engineers",
  ...Object.fromEntries(STAFFING_FIELDS.map((k) => [`staffing.${k}`, `Team by role — ${STAFFING_LABELS[k]}`])),
  productiveHoursPerWeek: "Productive hours per week",
  "license.sources": "Source systems",
  "license.destinationFee": "Destination license fee",
  "license.destinationFeeBasis": "Destination fee basis",
  "license.destinationBillingStart": "Destination billing start",
  "license.destinationBillingStartDate": "Destination billing start date",
  "license.implementationFee": "Vendor implementation fees",
  "license.archiveFee": "Archive fee",
  "license.archiveMonths": "Archive months",
  waves: "Cutover waves",
  buildFunctionPoints: "Build size",
  targetGoLive: "Target go-live",
  targetBudget: "Target budget",
};

function pathLabel(path: string): string {
  if (path.startsWith("rates.")) return `Labor rate — ${WORKSTREAM_NAMES[path.slice(6) as Workstream]}`;
  if (path.startsWith("constants.")) return constantDefinition(path.slice(10))?.label ?? path;
  const src = /^license\.sources\.(\d+)\.(\w+)$/.exec(path);
  if (src) return `Source system ${Number(src[1]) + 1} — ${src[2]}`;
  return FIELD_LABELS[path] ?? path;
}

function Section({ id, title, description, children, aside }: { id: string; title: string; description?: ReactNode; children: ReactNode; aside?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-ink-100 px-5 py-4">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold">{title}</h2>
          {description ? <p className="mt-0.5 max-w-3xl text-sm text-ink-500">{description}</p> : null}
        </div>
        {aside}
      </div>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

/** Staffing by role (optional, collapsed unless something is entered or wrong): an entered role is its own Phase 1 lane. */
function TeamByRole({ values, errors, onInput, readOnly, isBuildType }: { values: AssumptionsFormValues; errors: FieldErrors; onInput: (id: string, value: string) => void; readOnly: boolean; isBuildType: boolean }) {
  const fields = STAFFING_FIELDS.filter((k) => k !== "buildFte" || isBuildType);
  const entered = fields.filter((k) => values.staffing[k].trim() !== "").length;
  const hasError = fields.some((k) => errors[`staffing.${k}`]?.length);
  return (
    <details className="mt-5 rounded-md ring-1 ring-ink-200" open={entered > 0 || hasError || undefined}>
      <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-semibold text-ink-900 hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-600">
        Team by role <span className="font-normal text-ink-500">(optional{entered ? ` — ${entered} entered` : " — derived from the team size"})</span>
      </summary>
      <div className="border-t border-ink-100 px-3 py-3">
        <p className="max-w-3xl text-xs text-ink-600">
          Empty: the role is part of the migration team above, its people derived from the team size by its share of the Phase 1 work (the estimate page shows the numbers). Entered: the role becomes its own Phase 1 lane with these people, and the estimate names it when it binds and says what one more person there saves. Interface engineers are entered above; project management is a share of the effort over the whole calendar, not a lane.
        </p>
        <div className="mt-3 grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
          {fields.map((k) => (
            <LabeledField key={k} id={fieldAnchor(`staffing.${k}`)} label={STAFFING_LABELS[k]} hint={k === "buildFte" ? "Empty: staffed as COCOMO II implies" : "Empty: derived"} error={errors[`staffing.${k}`]}>
              <div data-field={`staffing.${k}`}>
                <NumberInput id={fieldAnchor(`staffing.${k}`)} label={`${STAFFING_LABELS[k]} (FTE)`} value={values.staffing[k]} onChange={onInput} error={errors[`staffing.${k}`]} readOnly={readOnly} suffix="FTE" placeholder="derived" />
              </div>
            </LabeledField>
          ))}
        </div>
      </div>
    </details>
  );
}

export function AssumptionsForm({ dto, readOnly, action }: { dto: AssumptionsDto; readOnly: boolean; action: (input: unknown) => Promise<SaveResult> }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AssumptionsFormValues>(dto.values);
  const [saved, setSaved] = useState<AssumptionsFormValues>(dto.values);
  const [version, setVersion] = useState(dto.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<AssumptionsDto | null>(null);
  const [filter, setFilter] = useState("");
  const [changedOnly, setChangedOnly] = useState(false);
  const [openGroups, setOpenGroups] = useState<Set<string>>(() => new Set());
  const canSeeRates = dto.canSeeRates && values.rates !== null;
  const isBuildType = dto.migrationType !== "A";

  // ---- updates ----
  const setField = useCallback((path: string, value: string | boolean) => {
    setValues((v) => {
      const next = { ...v };
      if (path.startsWith("license.")) next.license = { ...v.license, [path.slice(8)]: value };
      else if (path.startsWith("staffing.")) next.staffing = { ...v.staffing, [path.slice(9)]: String(value) };
      else (next as Record<string, unknown>)[path] = value;
      return next;
    });
  }, []);
  const onInput = useCallback((id: string, value: string) => {
    if (id.startsWith("constant-")) {
      const key = id.slice("constant-".length);
      setValues((v) => ({ ...v, constants: { ...v.constants, [key]: value } }));
    } else if (id.startsWith("rate-")) {
      const ws = id.slice("rate-".length) as Workstream;
      setValues((v) => (v.rates ? { ...v, rates: { ...v.rates, [ws]: value } } : v));
    } else if (id.startsWith("field-")) setField(id.slice("field-".length), value);
  }, [setField]);
  const resetConstant = useCallback((key: string) => {
    const d = constantDefinition(key);
    if (d) setValues((v) => ({ ...v, constants: { ...v.constants, [key]: numberInput(d.value) } }));
  }, []);
  const resetConstants = useCallback((keys: string[]) => {
    setValues((v) => {
      const constants = { ...v.constants };
      for (const k of keys) {
        const d = constantDefinition(k);
        if (d) constants[k] = numberInput(d.value);
      }
      return { ...v, constants };
    });
  }, []);
  const resetAllConstants = () => resetConstants(EDITABLE_CONSTANTS.map((d) => d.key));
  const resetRate = (ws: Workstream) => setValues((v) => (v.rates ? { ...v, rates: { ...v.rates, [ws]: dollars(DEFAULT_RATES_CENTS[ws]) } } : v));
  const onToggleGroup = useCallback((group: string, open: boolean) => {
    setOpenGroups((s) => {
      if (s.has(group) === open) return s;
      const next = new Set(s);
      if (open) next.add(group);
      else next.delete(group);
      return next;
    });
  }, []);

  // ---- "#constant-phase.P1.min" from an Explain link: open its group, scroll, focus, highlight ----
  useEffect(() => {
    const layout = constantLayout();
    function reveal() {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      if (id.startsWith("constant-")) {
        const key = id.slice("constant-".length);
        const group = layout.find((g) => g.keys.includes(key))?.group;
        if (group) setOpenGroups((s) => new Set(s).add(group));
      }
      requestAnimationFrame(() => {
        const el = document.getElementById(id);
        if (!el) return;
        el.scrollIntoView({ block: "center" });
        if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.focus({ preventScroll: true });
        const target = el.closest("tr") ?? el.closest("[data-field]") ?? el;
        target.classList.add("ring-2", "ring-brand-500", "bg-brand-50");
        setTimeout(() => target.classList.remove("ring-2", "ring-brand-500", "bg-brand-50"), 2500);
      });
    }
    reveal();
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, []);

  // ---- derived ----
  const unsaved = useMemo(() => {
    const a = flatten(saved);
    const b = flatten(values);
    return Object.keys(b).filter((k) => a[k] !== b[k]);
  }, [saved, values]);
  const overrides = useMemo(() => EDITABLE_CONSTANTS.filter((d) => isConstantOverridden(d.key, values.constants[d.key] ?? "")).length + (values.rates ? WORKSTREAMS.filter((ws) => isRateOverridden(ws, values.rates![ws])).length : 0), [values]);
  const conflictDiffs = useMemo(() => {
    if (!conflict) return [];
    const mine = flatten(values);
    const theirs = flatten(conflict.values);
    return Object.keys(theirs).filter((k) => mine[k] !== theirs[k]).map((k) => ({ path: k, label: pathLabel(k), mine: k === "waves" ? `${values.waves.length} waves` : mine[k], theirs: k === "waves" ? `${conflict.values.waves.length} waves` : theirs[k] }));
  }, [conflict, values]);

  // ---- save ----
  function focusFirstError() {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
      if (!el) return;
      const details = el.closest("details");
      if (details && !details.open) details.open = true;
      el.focus();
      el.scrollIntoView({ block: "center" });
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    const parsed = AssumptionsFormSchema.safeParse(values);
    if (!parsed.success) {
      const fe = fieldErrorsFrom(parsed.error);
      setErrors(fe);
      // open the groups holding errors
      const layout = constantLayout();
      const groups = layout.filter((g) => g.keys.some((k) => fe[`constants.${k}`])).map((g) => g.group);
      if (groups.length) setOpenGroups((s) => new Set([...s, ...groups]));
      toast.error(`${Object.keys(fe).length} field${Object.keys(fe).length === 1 ? " needs" : "s need"} attention.`);
      focusFirstError();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await action({ engagementId: dto.engagementId, version, values });
      if (res.ok) {
        setVersion(res.data.version);
        setSaved(values);
        setConflict(null);
        toast.success(res.data.changed ? `Assumptions saved (${res.data.changed} change${res.data.changed === 1 ? "" : "s"}). The estimate uses them now.` : "Nothing changed.");
        router.refresh();
      } else if (res.code === "INVALID") {
        setErrors(res.fieldErrors);
        toast.error(res.message);
        focusFirstError();
      } else if (res.code === "CONFLICT" && res.current) {
        setConflict(res.current as AssumptionsDto);
        toast.error("Someone else saved these assumptions meanwhile.");
        window.scrollTo({ top: 0, behavior: "smooth" });
      } else toast.error(res.message);
    } catch {
      toast.error("Sounding could not be reached. Your changes are still in the form; try again.");
    } finally {
      setPending(false);
    }
  }

  function loadTheirs() {
    if (!conflict) return;
    setValues(conflict.values);
    setSaved(conflict.values);
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
  }

  const fieldErr = (path: string) => errors[path];
  const licenseWords = dto.migrationType === "A" ? "two vendor subscriptions per provider" : dto.migrationType === "B" ? "the new platform's hosting before go-live, the commercial source license after" : "new infrastructure before each cohort moves, the legacy infrastructure until switch-off";

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Estimate assumptions" className="space-y-6 pb-24">
      {conflict ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">Someone else saved these assumptions while you were editing (their version {conflict.version}).</p>
          <p className="mt-1">Nothing was overwritten. Where their version differs from yours:</p>
          {conflictDiffs.length ? (
            <table className="mt-2 text-left text-sm">
              <thead className="text-xs">
                <tr><th className="pr-4 font-medium">Field</th><th className="pr-4 font-medium">Yours</th><th className="font-medium">Theirs</th></tr>
              </thead>
              <tbody>
                {conflictDiffs.slice(0, 20).map((d) => (
                  <tr key={d.path}><th scope="row" className="pr-4 font-normal">{d.label}</th><td className="pr-4 tabular">{d.mine || "—"}</td><td className="tabular font-semibold">{d.theirs || "—"}</td></tr>
                ))}
              </tbody>
            </table>
          ) : <p className="mt-1">No field differs — they saved the same values.</p>}
          {conflictDiffs.length > 20 ? <p className="mt-1">…and {conflictDiffs.length - 20} more.</p> : null}
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={loadTheirs}>Load their version (discard mine)</Button>
            <Button variant="ghost" size="sm" onClick={() => { setVersion(conflict.version); setConflict(null); }}>Keep mine; overwrite theirs on the next save</Button>
          </div>
        </div>
      ) : null}

      {errors._form?.length ? <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">{errors._form.join(" ")}</p> : null}
      {dto.unknownConstantKeys.length ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          The stored assumptions contain {dto.unknownConstantKeys.length === 1 ? "an override" : "overrides"} that {dto.unknownConstantKeys.length === 1 ? "is" : "are"} not a model constant and {dto.unknownConstantKeys.length === 1 ? "is" : "are"} ignored by the estimate: {dto.unknownConstantKeys.join(", ")}. {readOnly ? "" : "Saving removes them."}
        </p>
      ) : null}

      <Section id="team" title="Team and labor rates" description="Who does the work and what an hour costs. The team size drives how long Phase 1 takes; interface engineers limit how many interfaces are rebuilt at once.">
        <div className="grid gap-5 sm:grid-cols-3">
          {(["teamFte", "interfaceEngineers", "productiveHoursPerWeek"] as const).map((f) => (
            <LabeledField key={f} id={fieldAnchor(f)} label={FIELD_LABELS[f] as string} hint={`Default ${DEFAULTS_TEXT[f]}${f === "productiveHoursPerWeek" ? " h of a 40-hour week" : ""}`} error={fieldErr(f)}>
              <div data-field={f}>
                <NumberInput id={fieldAnchor(f)} label={FIELD_LABELS[f] as string} value={values[f]} onChange={onInput} error={fieldErr(f)} readOnly={readOnly} inputMode={f === "interfaceEngineers" ? "numeric" : "decimal"} suffix={f === "teamFte" ? "FTE" : f === "productiveHoursPerWeek" ? "h/week" : "engineers"} />
              </div>
            </LabeledField>
          ))}
        </div>
        <TeamByRole values={values} errors={errors} onInput={onInput} readOnly={readOnly} isBuildType={isBuildType} />
        <h3 className="mt-6 text-sm font-semibold text-ink-900">Labor rates by workstream</h3>
        {canSeeRates && values.rates ? (
          <div className="relative mt-2 overflow-x-auto" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Hourly labor rates by workstream</caption>
              <thead className="text-xs text-ink-500">
                <tr className="border-b border-ink-100">
                  <th scope="col" className="w-56 py-1.5 pr-3 font-medium">Workstream</th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">Rate</th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">Default</th>
                  <th scope="col" className="py-1.5 font-medium">Basis</th>
                </tr>
              </thead>
              <tbody>
                {WORKSTREAMS.map((ws) => {
                  const modified = isRateOverridden(ws, values.rates![ws]);
                  const def = constantDefinition(`rate.${ws}`);
                  return (
                    <tr key={ws} className="border-b border-ink-50 align-middle">
                      <th scope="row" className="py-2 pr-3 font-normal"><label htmlFor={rateAnchor(ws)} className="text-ink-800">{WORKSTREAM_NAMES[ws]}</label></th>
                      <td className="py-2 pr-3">
                        <div className="flex items-start gap-1">
                          <NumberInput id={rateAnchor(ws)} label={`Labor rate — ${WORKSTREAM_NAMES[ws]} (dollars per hour)`} value={values.rates![ws]} onChange={onInput} error={fieldErr(`rates.${ws}`)} readOnly={readOnly} modified={modified} prefix="$" suffix="/h" width="w-24" placeholder={dollars(DEFAULT_RATES_CENTS[ws])} />
                          {modified && !readOnly ? <ResetButton label={`Reset the ${WORKSTREAM_NAMES[ws]} rate to its default ($${dollars(DEFAULT_RATES_CENTS[ws])}/h)`} onClick={() => resetRate(ws)} /> : null}
                        </div>
                      </td>
                      <td className="py-2 pr-3 tabular text-ink-600">${dollars(DEFAULT_RATES_CENTS[ws])}/h</td>
                      <td className="py-2 text-xs text-ink-500">{def?.basis}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 rounded-md bg-ink-50 px-3 py-2 text-sm text-ink-600 ring-1 ring-ink-200">Labor rates are hidden for your role.</p>
        )}
      </Section>

      <Section id="license" title="License terms" description={<>What the client pays for both systems during the overlap — here, {licenseWords}. Per-provider and per-user fees are multiplied by the profile&apos;s providers or users; flat fees never ramp down per wave. An empty fee is <strong>not entered</strong> — the estimate says so instead of counting $0.</>}>
        <h3 className="mb-2 text-sm font-semibold text-ink-900">{dto.migrationType === "C" ? "Legacy platform (source)" : "Source systems"}</h3>
        <LicenseSourcesEditor
          sources={values.license.sources}
          onChange={(sources) => setValues((v) => ({ ...v, license: { ...v.license, sources } }))}
          errors={errors}
          readOnly={readOnly}
          canSeeFees={canSeeRates}
          migrationType={dto.migrationType}
          engagementSource={dto.sourceSystem}
        />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-ink-900">{dto.migrationType === "A" ? "Destination vendor" : dto.migrationType === "B" ? "New platform (hosting and run cost)" : "New infrastructure"}</h3>
        <div className="flex flex-wrap items-start gap-x-5 gap-y-4">
          {values.license.destinationFee === null ? (
            <p className="text-sm text-ink-600">Fees hidden for your role. Basis: {FEE_BASIS_LABELS[values.license.destinationFeeBasis]}.</p>
          ) : (
            <LabeledField id={fieldAnchor("license.destinationFee")} label="Fee" hint="Empty: not entered" error={fieldErr("license.destinationFee")}>
              <div data-field="license.destinationFee">
                <NumberInput id={fieldAnchor("license.destinationFee")} label="Destination license fee (dollars)" value={values.license.destinationFee} onChange={onInput} error={fieldErr("license.destinationFee")} readOnly={readOnly} prefix="$" width="w-32" placeholder="not entered" />
              </div>
            </LabeledField>
          )}
          <LabeledField id={fieldAnchor("license.destinationFeeBasis")} label="Basis">
            {readOnly ? (
              <span className="text-sm text-ink-800">{FEE_BASIS_LABELS[values.license.destinationFeeBasis]}</span>
            ) : (
              <select id={fieldAnchor("license.destinationFeeBasis")} value={values.license.destinationFeeBasis} onChange={(e) => setField("license.destinationFeeBasis", e.target.value)} className={cn(controlClass, "w-52 py-1.5")}>
                {Object.entries(FEE_BASIS_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
              </select>
            )}
          </LabeledField>
          <LabeledField id={fieldAnchor("license.destinationBillingStart")} label="Billing starts at" hint="When the new system starts to bill (default: foundation start)">
            {readOnly ? (
              <span className="block text-sm text-ink-800">{values.license.destinationBillingStart === "date" ? values.license.destinationBillingStartDate || "—" : BILLING_START_LABELS[values.license.destinationBillingStart]}</span>
            ) : (
              <select id={fieldAnchor("license.destinationBillingStart")} value={values.license.destinationBillingStart} onChange={(e) => setField("license.destinationBillingStart", e.target.value)} className={cn(controlClass, "w-64 py-1.5")}>
                {Object.entries(BILLING_START_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
              </select>
            )}
          </LabeledField>
          {values.license.destinationBillingStart === "date" && !readOnly ? (
            <LabeledField id={fieldAnchor("license.destinationBillingStartDate")} label="Billing start date" error={fieldErr("license.destinationBillingStartDate")}>
              <div data-field="license.destinationBillingStartDate">
                <input id={fieldAnchor("license.destinationBillingStartDate")} type="date" value={values.license.destinationBillingStartDate} onChange={(e) => setField("license.destinationBillingStartDate", e.target.value)} aria-invalid={fieldErr("license.destinationBillingStartDate")?.length ? true : undefined} className={cn(controlClass, "w-44 py-1.5")} />
                {fieldErr("license.destinationBillingStartDate")?.length ? <p role="alert" className="mt-1 text-xs text-red-700">{fieldErr("license.destinationBillingStartDate")![0]}</p> : null}
              </div>
            </LabeledField>
          ) : null}
          {values.license.implementationFee === null ? null : (
            <LabeledField id={fieldAnchor("license.implementationFee")} label="Vendor implementation fees (one-time)" hint={dto.migrationType === "A" ? "The destination vendor's services, set-up and conversion tooling. Empty: not entered" : "Type A mostly; empty when none"} error={fieldErr("license.implementationFee")}>
              <div data-field="license.implementationFee">
                <NumberInput id={fieldAnchor("license.implementationFee")} label="One-time vendor implementation fees (dollars)" value={values.license.implementationFee} onChange={onInput} error={fieldErr("license.implementationFee")} readOnly={readOnly} prefix="$" width="w-36" placeholder="not entered" />
              </div>
            </LabeledField>
          )}
        </div>
        <h3 className="mt-6 mb-2 text-sm font-semibold text-ink-900">Read-only archive</h3>
        <div className="flex flex-wrap items-start gap-x-5 gap-y-4">
          {values.license.archiveFee === null ? null : (
            <LabeledField id={fieldAnchor("license.archiveFee")} label="Read-only / archive fee" hint="Per month, after decommission" error={fieldErr("license.archiveFee")}>
              <div data-field="license.archiveFee">
                <NumberInput id={fieldAnchor("license.archiveFee")} label="Read-only / archive fee per month (dollars)" value={values.license.archiveFee} onChange={onInput} error={fieldErr("license.archiveFee")} readOnly={readOnly} prefix="$" suffix="/month" width="w-32" />
              </div>
            </LabeledField>
          )}
          <LabeledField id={fieldAnchor("license.archiveMonths")} label="Archive months" hint="Months of read-only access after decommission (default 12)" error={fieldErr("license.archiveMonths")}>
            <div data-field="license.archiveMonths">
              <NumberInput id={fieldAnchor("license.archiveMonths")} label="Archive months" value={values.license.archiveMonths} onChange={onInput} error={fieldErr("license.archiveMonths")} readOnly={readOnly} suffix="months" />
            </div>
          </LabeledField>
        </div>
      </Section>

      <Section id="cutover" title={dto.migrationType === "C" ? "Cutover plan — user cohorts" : "Cutover plan — waves"} description="The order in which sites, specialties or user cohorts go live. Each wave takes 3–6 weeks; license overlap is tied to these go-lives.">
        <WavesEditor waves={values.waves} onChange={(waves) => setValues((v) => ({ ...v, waves }))} errors={errors} readOnly={readOnly} migrationType={dto.migrationType} profile={dto.profile} constants={values.constants} />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="build" title="Build size" description="Custom build, in function points (Type B and C).">
          {isBuildType ? (
            <LabeledField id={fieldAnchor("buildFunctionPoints")} label="Function points" hint="Empty: the estimate assumes 300 FP and flags it as critical." error={fieldErr("buildFunctionPoints")}>
              <div data-field="buildFunctionPoints">
                <NumberInput id={fieldAnchor("buildFunctionPoints")} label="Build size in function points" value={values.buildFunctionPoints} onChange={onInput} error={fieldErr("buildFunctionPoints")} readOnly={readOnly} inputMode="numeric" suffix="FP" />
              </div>
            </LabeledField>
          ) : (
            <p id={fieldAnchor("buildFunctionPoints")} className="text-sm text-ink-600">
              A Type A vendor switch has no custom build, so there is no build size to enter.
              {values.buildFunctionPoints ? ` (${values.buildFunctionPoints} function points are stored from an import; the estimate ignores them.)` : ""}
            </p>
          )}
        </Section>
        <Section id="targets" title="Targets (optional)" description="A date or budget someone has quoted. The estimate shows the probability of meeting them and flags a target below P50.">
          <div className="grid gap-5 sm:grid-cols-2">
            <LabeledField id={fieldAnchor("targetGoLive")} label="Target go-live" hint="Final go-live (last wave)" error={fieldErr("targetGoLive")}>
              {readOnly ? (
                <span className="block text-sm text-ink-800">{values.targetGoLive || "—"}</span>
              ) : (
                <div data-field="targetGoLive">
                  <input id={fieldAnchor("targetGoLive")} type="date" value={values.targetGoLive} onChange={(e) => setField("targetGoLive", e.target.value)} aria-invalid={fieldErr("targetGoLive")?.length ? true : undefined} className={cn(controlClass, "w-44 py-1.5")} />
                  {fieldErr("targetGoLive")?.length ? <p role="alert" className="mt-1 text-xs text-red-700">{fieldErr("targetGoLive")![0]}</p> : null}
                </div>
              )}
            </LabeledField>
            <LabeledField id={fieldAnchor("targetBudget")} label="Target budget" hint="Total cost, in dollars" error={fieldErr("targetBudget")}>
              <div data-field="targetBudget">
                <NumberInput id={fieldAnchor("targetBudget")} label="Target budget (dollars)" value={values.targetBudget} onChange={onInput} error={fieldErr("targetBudget")} readOnly={readOnly} prefix="$" width="w-40" />
              </div>
            </LabeledField>
          </div>
        </Section>
      </div>

      <Section
        id="constants"
        title="Model constants"
        description="Every number the estimate uses, with its default and where it comes from. Changing one makes it an assumption of this engagement; a value equal to its default is not stored."
        aside={<Badge tone={overrides ? "amber" : "neutral"}>{overrides} changed from defaults</Badge>}
      >
        <div className="mb-3 flex flex-wrap items-end gap-4">
          <label className="text-sm font-medium text-ink-800">
            Find a constant
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. pilot, interface, share" className={cn(controlClass, "mt-1 block w-72 py-1.5")} />
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm text-ink-700">
            <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} className="size-4 rounded border-ink-300" />
            Only changed
          </label>
          {!readOnly && overrides ? <Button variant="ghost" size="sm" className="mb-1" onClick={resetAllConstants}>Reset all constants to defaults</Button> : null}
        </div>
        <ConstantsEditor values={values.constants} errors={errors} onChange={onInput} onReset={resetConstant} onResetGroup={resetConstants} readOnly={readOnly} filter={filter} changedOnly={changedOnly} openGroups={openGroups} onToggleGroup={onToggleGroup} hideMoney={!canSeeRates} />
      </Section>

      {readOnly ? null : (
        <div className="fixed inset-x-0 bottom-0 z-20 border-t border-ink-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.05)] backdrop-blur">
          <div className="mx-auto flex max-w-[1400px] items-center justify-end gap-3">
            <p className="mr-auto text-sm text-ink-600" aria-live="polite">
              {unsaved.length ? <><strong className="text-ink-900">{unsaved.length}</strong> unsaved change{unsaved.length === 1 ? "" : "s"}</> : "All changes saved."}
              {Object.keys(errors).length ? <span className="ml-2 text-red-700">{Object.keys(errors).length} field{Object.keys(errors).length === 1 ? "" : "s"} need attention.</span> : null}
            </p>
            <Button variant="ghost" disabled={!unsaved.length || pending} onClick={() => { setValues(saved); setErrors({}); }}>Discard changes</Button>
            <Button type="submit" pending={pending}>Save assumptions</Button>
          </div>
        </div>
      )}
    </form>
  );
}
