// Screenshots of the create-engagement form (with its optional inputs, and with an error) and the
// notification bell/inbox, at 1440 and 390 px (npm run screenshots -- notifications → /tmp/shots/notify-*.png).
import { test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "../e2e/support/world";
import { e2eDb } from "../e2e/support/db";

let world: E2eWorld;
test.beforeAll(async () => {
  world = await createWorld({ clientName: `Cedar Valley Medical Group ${Date.now()}` });
  const db = e2eDb();
  await db.workflowItem.createMany({ data: [{ engagementId: world.engagement.id, kind: "alert_rule", name: "Sepsis alert" }] });
  const base = { recipientId: world.consultant.id, engagementId: world.engagement.id };
  await db.notification.createMany({
    data: [
      { ...base, kind: "changes_requested", subjectType: "workflow_item", subjectId: "x", subjectName: "Sepsis alert", actorName: "Clinical Reviewer", excerpt: "Split the lactate threshold by age group; paediatrics needs its own rule." },
      { ...base, kind: "signoff_requested", subjectType: "workflow_inventory", actorName: "Lead Consultant", excerpt: "", readAt: new Date() },
      { ...base, kind: "changes_answered", subjectType: "workflow_item", subjectId: "y", subjectName: "Chest pain order set", actorName: "Consultant", excerpt: "Edited the item (notes).", readAt: new Date() },
    ],
  });
});

async function shot(page: Page, name: string, width: number) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/notify-${name}-${width}.png`, fullPage: true });
}

for (const width of [1440, 390] as const) {
  test(`form and inbox at ${width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    await signIn(page, world.consultant.email);
    await page.goto("/engagements/new");
    await shot(page, "new", width);
    await page.getByLabel("Migration team (FTE)").fill("0.2");
    await page.getByLabel("Source license fee (dollars)").fill("12.345");
    await page.getByRole("button", { name: "Create engagement" }).click();
    await page.waitForTimeout(500);
    await shot(page, "new-errors", width);
    await page.goto("/notifications");
    await shot(page, "inbox", width);
    await page.goto(`/engagements/${world.engagement.id}/workflows/sign-off`);
    await shot(page, "sign-off", width);
  });
}
