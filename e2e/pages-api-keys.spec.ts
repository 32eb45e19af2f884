import { expect, test } from "@playwright/test";
import { codeDialog, enterCode } from "./board";
import { signedInUser } from "./factories";
import { e2eBaseUrl } from "./fixtures";
import { expectAccessible, screenshotWidths } from "./page-checks";

// Settings › API keys: an admin creates a key through the code dialog, sees it once, and revokes it;
// the key works until then and is refused after.

test("an admin creates an API key with a code, sees it once, and revokes it", async ({ page, request }) => {
  const admin = await signedInUser(page);
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  const name = `e2e sync ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /payouts:read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(codeDialog(page)).toBeVisible();
  await enterCode(page, await admin.nextCode());
  await expect(codeDialog(page)).toBeHidden();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^slotpay_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!;
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("payouts:read");
  await expect(row).toContainText(key.slice(0, 14));
  await expectAccessible(page, "api keys");
  await screenshotWidths(page, "api-keys");

  const payouts = `${e2eBaseUrl}/api/admin/daily-declaration-returns/days/2026-01-15/payouts.csv`;
  const withKey = await request.get(payouts, { headers: { authorization: `Bearer ${key}` } });
  expect(withKey.status()).toBe(404); // past every gate: no such day

  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(shown).toBeHidden();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click(); // inside the step-up window: no code
  await expect(row).toContainText("Revoked");
  const revoked = await request.get(payouts, { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
});
