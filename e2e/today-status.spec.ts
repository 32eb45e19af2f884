import { expect, test } from "@playwright/test";
import { signedInUser } from "./factories";
import { e2eBaseUrl } from "./fixtures";

const base = "/api/admin/daily-declaration-returns";
// page.request carries the page's cookies but, unlike the page's own fetch, no Origin: send it.
const fromThePage = { origin: e2eBaseUrl };

test("a queued slot shows on the admin page as PENDING, then COMPLETED once a tick runs it", async ({ page }) => {
  const admin = await signedInUser(page);
  await expect(page.getByRole("heading", { name: "Daily declaration returns" })).toBeVisible();

  // The page's own session calls the API, as the admin frontend does (cookies and Origin included).
  const inOneMinute = new Date(Date.now() + 60_000).toISOString();
  const queued = await page.request.post(`${base}/queue`, {
    headers: fromThePage,
    data: {
      premiumPoolAmount: 100,
      performancePoolAmount: 50,
      description: "e2e",
      multiSlot: true,
      distributionSlots: [{ slotNumber: 1, rosPercentage: 1.25, scheduledFor: inOneMinute }],
      twoFactorCode: await admin.nextCode(),
    },
  });
  expect(queued.status()).toBe(200);

  const today = page.getByRole("region", { name: "Today's distribution" });
  await expect(today.getByRole("row").nth(1)).toContainText("PENDING", { timeout: 15_000 });
  await expect(today.getByRole("row").nth(1)).toContainText("1.25");

  const ticked = await page.request.post(`${base}/test-execute-cron`, {
    headers: fromThePage,
    data: { now: new Date(Date.now() + 61_000).toISOString() },
  });
  expect(ticked.status()).toBe(200);
  expect((await ticked.json()).executed).toHaveLength(1);

  await expect(today.getByRole("row").nth(1)).toContainText("COMPLETED", { timeout: 15_000 });
  await expect(today).toContainText("day COMPLETED");
});
