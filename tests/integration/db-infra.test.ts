// The database the integration tests run on: every committed migration applied, the audit log
// append-only at the database level, and Prisma Client queries through adapter-pg.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const url = process.env.DATABASE_URL!;
const migrationsDir = path.resolve(__dirname, "..", "..", "prisma", "migrations");
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await prisma.$disconnect();
});

describe("migrations", () => {
  it("applied every migration in prisma/migrations, unchanged", async () => {
    const onDisk = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({
        name: d.name,
        checksum: crypto.createHash("sha256").update(fs.readFileSync(path.join(migrationsDir, d.name, "migration.sql"))).digest("hex"),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const { rows } = await sql<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(onDisk.length).toBeGreaterThan(0);
    expect(rows).toEqual(onDisk);
  });

  it("created a table for every model", async () => {
    const { rows } = await sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const t of ["Organization", "User", "Engagement", "Membership", "AuditEvent"]) expect(tables).toContain(t);
  });
});

describe("AuditEvent is append-only (database trigger)", () => {
  async function insertEvent() {
    return prisma.auditEvent.create({
      data: { action: "test.append_only", chainKey: `test-${crypto.randomUUID()}`, prevHash: "0".repeat(64), hash: "1".repeat(64) },
      select: { id: true, chainKey: true },
    });
  }

  it("accepts INSERT", async () => {
    const event = await insertEvent();
    expect(typeof event.id).toBe("bigint");
  });

  it("rejects UPDATE, through Prisma and in plain SQL", async () => {
    const event = await insertEvent();
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(sql(`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE id = $1`, [event.id])).rejects.toThrow(
      /AuditEvent is append-only: UPDATE is not allowed/,
    );
    const row = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id }, select: { action: true } });
    expect(row.action).toBe("test.append_only");
  });

  it("rejects DELETE, through Prisma and in plain SQL", async () => {
    const event = await insertEvent();
    await expect(prisma.auditEvent.deleteMany({ where: { chainKey: event.chainKey } })).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM "AuditEvent" WHERE id = $1`, [event.id])).rejects.toThrow(/AuditEvent is append-only: DELETE is not allowed/);
    expect(await prisma.auditEvent.count({ where: { chainKey: event.chainKey } })).toBe(1);
  });
});

describe("Prisma Client through @prisma/adapter-pg", () => {
  it("writes and reads back a row", async () => {
    const name = `Round trip ${crypto.randomUUID()}`;
    const created = await prisma.organization.create({ data: { name }, select: { id: true, createdAt: true } });
    const found = await prisma.organization.findUniqueOrThrow({ where: { id: created.id }, select: { name: true, createdAt: true } });
    expect(found).toEqual({ name, createdAt: created.createdAt });
    const [{ now }] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    expect(now).toBeInstanceOf(Date);
  });
});
