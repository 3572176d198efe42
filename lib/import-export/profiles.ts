// Saved import profiles: the column and value mappings (and fills) a firm used for one shape of file,
// remembered so that when a file with the same headers comes again they are offered ("looks like the
// integration list you imported on 7 Dec 2026"). A file's shape is its headers in canonical form
// (headers.ts canonicalHeader), in order; a profile also matches a file that has most of its headers.
// Client-safe and pure.
import type { InventoryKey } from "@/lib/inventories/registry";
import { canonicalHeader } from "@/lib/import-export/headers";
import type { ValueMappings } from "@/lib/import-export/value-mapping";

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

/** How well a file's headers fit a profile's: 1 for the same shape, else the share of the profile's headers present. */
export function shapeMatch(profileHeaders: readonly string[], fileHeaders: readonly string[]): number {
  if (shapeOf(profileHeaders) === shapeOf(fileHeaders)) return 1;
  const file = new Set(fileHeaders.map((h) => canonicalHeader(h)).filter(Boolean));
  const wanted = profileHeaders.map((h) => canonicalHeader(h)).filter(Boolean);
  if (wanted.length === 0) return 0;
  return Math.round((wanted.filter((h) => file.has(h)).length / wanted.length) * 100) / 100;
}

/** The profile's column mapping applied to a file's headers (by header text; unknown headers keep the suggestion). */
export function mappingFromProfile(profile: Pick<StoredProfile, "columnMappings">, headers: readonly string[], suggested: readonly (string | null)[]): (string | null)[] {
  const byCanonical = new Map(Object.entries(profile.columnMappings).map(([h, id]) => [canonicalHeader(h), id]));
  const used = new Set<string>();
  const out = headers.map((h) => {
    const k = canonicalHeader(h);
    if (!byCanonical.has(k)) return undefined;
    const id = byCanonical.get(k) ?? null;
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

/** "looks like the integration list you imported on 7 Dec 2026" */
export function profileOffer(p: Pick<ImportProfileView, "name" | "createdAt" | "lastUsedAt">, noun: string): string {
  const when = new Date(p.lastUsedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return `This looks like the ${noun} you imported on ${when} (profile “${p.name}”).`;
}

export const MIN_PROFILE_MATCH = 0.8;
