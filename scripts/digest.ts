// `npm run digest` — e-mails each user a digest of their unread notifications not e-mailed before (SMTP_URL;
// without it: a log line, nothing sent). Run it from cron or the platform's scheduler, e.g. every weekday at 7:00.
// Links point at NEXTAUTH_URL (the app's public address). Uses DATABASE_URL, or the embedded database like `npm start`.
import { withDatabase } from "./lib/database.mjs";

async function main() {
  const failed = await withDatabase(
    async () => {
      const { env } = await import("@/lib/env");
      const { sendNotificationDigest } = await import("@/lib/notifications/digest");
      const e = env();
      const transport = e.SMTP_URL ? (await import("nodemailer")).createTransport(e.SMTP_URL) : null;
      const result = await sendNotificationDigest({ transport, from: e.DIGEST_FROM, appUrl: e.NEXTAUTH_URL ?? "http://localhost:3000" });
      if (result.skipped === "no_smtp") console.log("SMTP_URL is not set: no digest e-mailed (see docs/notifications.md).");
      else console.log(`Sent ${result.sent} digest${result.sent === 1 ? "" : "s"} (${result.notifications} notifications); ${result.failed} failed.`);
      const { db } = await import("@/lib/db");
      await db.$disconnect();
      return result.failed;
    },
    { owner: "digest" },
  );
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`digest: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
