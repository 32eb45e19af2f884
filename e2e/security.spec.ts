import { expect, test } from "@playwright/test";
import { currentTotpCode } from "../lib/auth/totp";
import { watchCspViolations } from "./csp";
import { createE2eUser, signInThroughPage } from "./factories";
import { e2eBaseUrl } from "./fixtures";

test("a sign-in whose callbackUrl points elsewhere (/\\host) stays on our origin", async ({ page }) => {
  const admin = await createE2eUser();
  await signInThroughPage(page, admin, { callbackUrl: "/\\localhost:3999/pwned" });
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  expect(new URL(page.url()).origin).toBe(e2eBaseUrl);
  await expect(page).toHaveURL(/\/admin\/daily-declaration-returns$/);
  await expect(page.getByRole("heading", { name: "Daily declaration returns" })).toBeVisible();
});

test("the pages work under the CSP: no violation while signing in, on the admin page, enrolling 2FA and signing out", async ({ page }) => {
  const violations = await watchCspViolations(page);
  const user = await createE2eUser({ twoFactor: false });

  const signInPage = await page.goto("/sign-in");
  expect(signInPage?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await signInThroughPage(page, user);
  await expect(page).toHaveURL(/\/admin\/daily-declaration-returns$/);
  await expect(page.getByRole("heading", { name: "Daily declaration returns" })).toBeVisible();

  await page.getByRole("link", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.locator("code").first().textContent())!.trim();
  await page.getByLabel("Authentication code").fill(await currentTotpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/admin\/daily-declaration-returns$/);
  await expect(page.getByRole("heading", { name: "Daily declaration returns" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up two-factor authentication" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(violations()).toEqual([]);

  // The watch itself works: injected markup's inline handler (the usual XSS) is refused and reported.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/missing.png" onerror="window.__injected = true">`));
  await expect.poll(() => violations().some((line) => line.startsWith("script-src-attr blocked inline"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("another site cannot frame the app", async ({ page }) => {
  await page.setContent(`<iframe id="app" src="${e2eBaseUrl}/sign-in" width="600" height="400"></iframe>`);
  const frame = await (await page.waitForSelector("#app")).contentFrame();
  await frame!.waitForLoadState();
  expect(frame!.url()).not.toBe(`${e2eBaseUrl}/sign-in`);
  await expect(page.frameLocator("#app").getByRole("heading", { name: "Sign in to Slotpay" })).toHaveCount(0);
});
