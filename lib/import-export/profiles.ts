// Saved import profiles: the column and value mappings (and fills) a firm used for one shape of file,
// remembered so that when a file with the same headers comes again they are offered ("looks like the
// integration list you imported on 7 Dec 2026"). A file's shape is its headers in canonical form
// (headers.ts canonicalHeader), in order; a profile also matches a file that has most of its headers.
// Client-safe and pure.
import type { InventoryKey } from "@/lib/inventories/registry";
import { canonicalHeader } from "@/lib/import-export/headers";
import type { PrepareOptions } from "@/lib/import-export/prepare";
import { resolveValue, type ColumnValues, type ValueMappings, type ValueTarget } from "@/lib/import-export/value-mapping";

export type StoredProfile = {
  id: string;
  organizationId: string;
  inventory: InventoryKey;
  name: string;
  shape: string;
  headers: string[];
  /** file header → column id (null = ignored) */
  columnMappings: Record<string, string | null>;
  valueMappings: ValueMappings;
  fill: Record<string, string>;
  sourceFileName: string;
  createdAt: Date;
  lastUsedAt: Date;
};

export type ImportProfileView = {
  id: string;
  name: string;
  inventory: InventoryKey;
  sourceFileName: string;
  createdAt: string;
  lastUsedAt: string;
  /** 1 = same headers; 0..1 = share of the profile's headers the file has. */
  match: number;
};

export function shapeOf(headers: readonly string[]): string {
  return headers.map((h) => canonicalHeader(h) || "-").join("|");
}

/**
 * How well a file's headers fit a profile's, as a set (order does not matter): 1 for the same headers, else
 * the headers both have over the headers either has (a re-export with one extra column of 8 scores 8/9).
 */
export function shapeMatch(profileHeaders: readonly string[], fileHeaders: readonly string[]): number {
  const file = new Set(fileHeaders.map((h) => canonicalHeader(h)).filter(Boolean));
  const wanted = new Set(profileHeaders.map((h) => canonicalHeader(h)).filter(Boolean));
  if (wanted.size === 0 || file.size === 0) return 0;
  let both = 0;
  for (const h of wanted) if (file.has(h)) both++;
  return Math.round((both / (wanted.size + file.size - both)) * 100) / 100;
}

/** The profile's column mapping applied to a file's headers (by header text; unknown headers keep the suggestion). */
export function mappingFromProfile(profile: Pick<StoredProfile, "columnMappings">, headers: readonly string[], suggested: readonly (string | null)[]): (string | null)[] {
  const byCanonical = new Map(Object.entries(profile.columnMappings).map(([h, id]) => [canonicalHeader(h), id]));
  const used = new Set<string>();
  const out = headers.map((h) => {
    const k = canonicalHeader(h);
    if (!byCanonical.has(k)) return undefined;
    const id = byCanonical.get(k) ?? null;
    // two headers of the file with one canonical form: the first one takes the column
    if (id && used.has(id)) return null;
    if (id) used.add(id);
    return id;
  });
  return out.map((id, i) => (id !== undefined ? id : suggested[i] && !used.has(suggested[i]!) ? suggested[i] : null));
}

export function toProfileView(p: StoredProfile, fileShape?: string): ImportProfileView {
  return {
    id: p.id,
    name: p.name,
    inventory: p.inventory,
    sourceFileName: p.sourceFileName,
    createdAt: p.createdAt.toISOString(),
    lastUsedAt: p.lastUsedAt.toISOString(),
    match: fileShape === undefined ? 0 : p.shape === fileShape ? 1 : shapeMatch(p.headers, fileShape.split("|")),
  };
}

/** The profiles worth offering for a file: this inventory's, matching at least MIN_PROFILE_MATCH, best first. */
export function offersFor(profiles: readonly StoredProfile[], inventory: InventoryKey, headers: readonly string[]): ImportProfileView[] {
  const shape = shapeOf(headers);
  return profiles
    .filter((p) => p.inventory === inventory)
    .map((p) => toProfileView(p, shape))
    .filter((v) => v.match >= MIN_PROFILE_MATCH)
    .sort((a, b) => b.match - a.match || b.lastUsedAt.localeCompare(a.lastUsedAt))
    .slice(0, 3);
}

/**
 * The value mapping a dry run used, as a profile keeps it: the consultant's choices plus every confirmed
 * suggestion (exact matches are found again by themselves and are not stored).
 */
export function effectiveValueMappings(values: readonly ColumnValues[], options: Pick<PrepareOptions, "valueMappings" | "acceptSuggestions">): ValueMappings {
  const out: ValueMappings = {};
  for (const c of values) {
    const chosen = options.valueMappings?.[c.column];
    const col: Record<string, ValueTarget> = {};
    for (const v of c.values) {
      if (v.how === "exact" && !(chosen && Object.prototype.hasOwnProperty.call(chosen, v.value))) continue;
      const target = resolveValue(v, chosen, v.value, !!options.acceptSuggestions);
      if (target !== undefined) col[v.value] = target;
    }
    for (const [value, target] of Object.entries(chosen ?? {})) if (!(value in col)) col[value] = target;
    if (Object.keys(col).length) out[c.column] = col;
  }
  for (const [column, chosen] of Object.entries(options.valueMappings ?? {})) if (!(column in out) && Object.keys(chosen).length) out[column] = { ...chosen };
  return out;
}

/** file header → column id, as a profile keeps it. */
export function columnMappingsOf(headers: readonly string[], mapping: readonly (string | null)[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  headers.forEach((h, i) => {
    if (h.trim() !== "" && !(h in out)) out[h] = mapping[i] ?? null;
  });
  return out;
}

/** A profile name from the file's name ("Interfaces 2026.xlsx" → "Interfaces 2026"), unique among `taken`. */
export function profileNameFor(fileName: string, taken: readonly string[]): string {
  const base = (fileName.replace(/\.[a-z0-9]{1,5}$/i, "").replace(/[_]+/g, " ").replace(/\s+/g, " ").trim() || "Import").slice(0, 80);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}

/** "Looks like the integration list you imported on 3 Dec 2026 — apply its mappings?" (noun: "integration") */
export function profileOffer(p: Pick<ImportProfileView, "name" | "createdAt" | "lastUsedAt">, noun: string): string {
  const when = new Date(p.lastUsedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `Looks like the ${noun} list you imported on ${when} — apply its mappings?`;
}

export const MIN_PROFILE_MATCH = 0.8;
