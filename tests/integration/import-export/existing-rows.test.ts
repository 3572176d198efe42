// The dry run reads an inventory a page of rows at a time (findExistingRows, bounded memory): every row comes
// back once, in insertion order, with its id, version and contract row, across page boundaries.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { findExistingRows } from "@/lib/import-export/data";
import { insertInventoryRows } from "@/lib/import-export/mutations";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import type { AuthorizedEngagementId } from "@/lib/auth/access";

let engagementId: AuthorizedEngagementId;
let ids: string[];
const ROWS = 2_345; // more than two pages of 1,000

beforeAll(async () => {
  const world = await createEngagementWorld(db);
  engagementId = world.engagement.id as AuthorizedEngagementId;
  const spec = INVENTORY_SPECS.data;
  const rows = Array.from({ length: ROWS }, (_, i) => spec.schema.parse({ entity: "encounters", sourceObject: `ENC_${String(i).padStart(5, "0")}`, recordCount: i }) as Record<string, unknown>);
  ids = await db.$transaction((tx) => insertInventoryRows(tx, "data", engagementId, rows), { timeout: 60_000 });
  // another engagement's rows are never read
  const other = await createEngagementWorld(db);
  await db.$transaction((tx) => insertInventoryRows(tx, "data", other.engagement.id, rows.slice(0, 10)));
});

describe("findExistingRows", () => {
  it("returns every row once, in insertion order, across pages", async () => {
    const existing = await findExistingRows(engagementId, "data");
    expect(existing).toHaveLength(ROWS);
    expect(existing.map((e) => e.id)).toEqual(ids);
    expect(existing.map((e) => e.row.sourceObject)).toEqual(Array.from({ length: ROWS }, (_, i) => `ENC_${String(i).padStart(5, "0")}`));
    expect(existing.every((e) => e.version === 1)).toBe(true);
    expect(existing[1_000].row).toMatchObject({ entity: "encounters", recordCount: 1_000 });
  });

  it("an empty inventory is an empty list", async () => {
    expect(await findExistingRows(engagementId, "risks")).toEqual([]);
  });
});
