// Clinical review journey: a clinical reviewer approves an item (by mouse and by keyboard) and signs off
// the inventory; a consultant then edits an item, and the sign-off page shows 1 change since sign-off.
import { expect, test } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDb } from "./support/db";

let world: E2eWorld;
const items = ["Chest pain order set", "Heparin weight-based protocol", "Sepsis early-warning alert"] as const;

test.beforeAll(async () => {
  world = await createWorld({ clientName: `Bayside Cardiology ${Date.now()}` });
  const db = e2eDb();
  await db.workflowItem.createMany({
    data: [
      { engagementId: world.engagement.id, kind: "order_set", name: items[0], department: "Emergency", quantity: 1, disposition: "must_survive" },
      { engagementId: world.engagement.id, kind: "order_set", name: items[1], department: "Inpatient", quantity: 1, disposition: "must_survive" },
      { engagementId: world.engagement.id, kind: "alert_rule", name: items[2], department: "Inpatient", quantity: 1, disposition: "may_change" },
    ],
  });
});

test("reviewer approves and signs off; a later edit shows as 1 change since sign-off", async ({ page }) => {
  test.setTimeout(120_000); // one long journey on a 2-core machine
  const base = `/engagements/${world.engagement.id}/workflows`;
  await signIn(page, world.reviewer.email);
  await page.goto(`${base}/review`);
  await expect(page.getByRole("navigation", { name: "Workflow pages" }).getByRole("link", { name: "Clinical review" })).toHaveAttribute("aria-current", "page");
  // the queue opens on what needs the reviewer; "All" keeps approved items in view for this walk-through
  await expect(page.getByRole("link", { name: /^Needs review\s*3$/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: /^All\s*3$/ }).click();
  await expect(page).toHaveURL(/status=all/);

  // approve the first item with the button
  const list = page.getByRole("list", { name: "Workflow items to review" });
  await list.getByRole("button", { name: new RegExp(items[0]) }).click();
  await expect(page.getByRole("heading", { level: 2, name: items[0] })).toBeVisible();
  await page.getByRole("textbox", { name: "Comment or reason" }).fill("Matches the ED pathway.");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`Approved “${items[0]}”`)).toBeVisible();
  await expect(list.getByRole("button", { name: new RegExp(items[0]) })).toContainText("Approved");

  // keyboard: select the heparin protocol, then A approves it
  await list.getByRole("button", { name: new RegExp(items[1]) }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: items[1] })).toBeVisible();
  await page.keyboard.press("a");
  await expect(page.getByText(`Approved “${items[1]}”`)).toBeVisible();

  // request changes needs a reason
  await list.getByRole("button", { name: new RegExp(items[2]) }).click();
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Say what needs to change" })).toBeVisible();
  await page.getByRole("textbox", { name: "Comment or reason" }).fill("Threshold should follow the qSOFA policy.");
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(list.getByRole("button", { name: new RegExp(items[2]) })).toContainText("Changes requested");

  // the filter shows counts
  await expect(page.getByRole("link", { name: /^Approved\s*2$/ })).toBeVisible();

  // sign off
  await page.getByRole("link", { name: "Sign-off" }).click();
  await expect(page.getByText("The workflow inventory has not been signed off yet.")).toBeVisible();
  await page.getByRole("button", { name: "Sign off the workflow inventory…" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign off the workflow inventory?" });
  await expect(dialog).toContainText("2 approved");
  await expect(dialog).toContainText("1 with changes requested");
  await dialog.getByLabel(/^Note \(required/).fill("ED and inpatient order sets reviewed; sepsis alert pending.");
  await dialog.getByRole("button", { name: "Sign off 3 items" }).click();
  await expect(page.getByText(/Signed off .* by Clinical Reviewer \(Clinical reviewer\)\./)).toBeVisible();
  await expect(page.getByText("No changes since.")).toBeVisible();
  const history = page.getByRole("list", { name: "Sign-off history, newest first" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("ED and inpatient order sets reviewed");

  // a consultant edits an approved item (directly in the database, as the inventory page would)
  const db = e2eDb();
  const heparin = await db.workflowItem.findFirstOrThrow({ where: { engagementId: world.engagement.id, name: items[1] } });
  await db.workflowItem.update({ where: { id: heparin.id }, data: { quantity: 4, notes: "Split per unit", version: { increment: 1 } } });

  await page.context().clearCookies();
  await signIn(page, world.consultant.email);
  await page.goto(`${base}/sign-off`);
  await expect(page.getByText("1 item changed since.")).toBeVisible();
  const changes = page.getByRole("table", { name: `Changed fields of ${items[1]}` });
  const quantity = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Quantity" }) });
  await expect(quantity.getByRole("deletion")).toHaveText("1");
  await expect(quantity.getByRole("insertion")).toHaveText("4");
  await expect(changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Notes" }) })).toContainText("Split per unit");
  // consultants cannot sign off
  await expect(page.getByRole("button", { name: "Sign off the workflow inventory…" })).toHaveCount(0);

  // the review queue flags the stale approval
  await page.goto(`${base}/review?status=changed_since_approval`);
  await expect(page.getByRole("list", { name: "Workflow items to review" }).getByRole("button")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: items[1] })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "after Clinical Reviewer approved it" })).toBeVisible();
  // consultants comment but do not approve
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Comment" }).fill("Split because ICU and step-down dose differently.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByRole("list", { name: `Comments on ${items[1]}` })).toContainText("Split because ICU");
});

test("an outsider gets 404 on the review and sign-off pages", async ({ page }) => {
  await signIn(page, world.outsider.email);
  for (const path of ["review", "sign-off"]) {
    const res = await page.goto(`/engagements/${world.engagement.id}/workflows/${path}`);
    expect(res?.status()).toBe(404);
  }
});
