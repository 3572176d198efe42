// `npm run audit:verify` — recomputes every audit-log hash chain and reports the first broken link of each.
// Exit code 1 when any chain is broken. Uses DATABASE_URL, or the embedded database like `npm start`.
import { withDatabase } from "./lib/database.mjs";

async function main() {
  const broken = await withDatabase(
    async () => {
      const { verifyAuditChains } = await import("@/lib/audit/verify");
      const reports = await verifyAuditChains();
      const entries = reports.reduce((n, r) => n + r.entries, 0);
      const bad = reports.filter((r) => r.broken);
      console.log(`Checked ${reports.length} chain${reports.length === 1 ? "" : "s"}, ${entries} entr${entries === 1 ? "y" : "ies"}.`);
      for (const r of bad) console.log(`BROKEN ${r.chainKey}: first broken link at entry ${r.broken!.id} (${r.broken!.reason})`);
      if (bad.length === 0) console.log("Every chain is intact.");
      const { db } = await import("@/lib/db");
      await db.$disconnect();
      return bad.length;
    },
    { owner: "audit:verify" },
  );
  process.exit(broken > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`audit:verify: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
