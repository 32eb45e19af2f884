import { expect, test, type Page } from "@playwright/test";
import { currentTotpCode } from "../lib/auth/totp";
import { adminCredentials, submitSignIn } from "./fixtures";

const onSignInPage = /\/sign-in(\?.*)?$/;
const onAdminPage = /\/admin\/daily-declaration-returns(\?.*)?$/;

// Next.js adds its own role="alert" route announcer (<next-route-announcer>) to <body>;
// look for the page's alert everywhere else.
const pageAlert = (page: Page) => page.locator("body > :not(next-route-announcer)").getByRole("alert");

test("an admin signs in with password and authentication code, then signs out", async ({ page }) => {
  await submitSignIn(page);

  await expect(page).toHaveURL(onAdminPage);
  await expect(page.getByRole("heading", { name: "Daily declaration returns" })).toBeVisible();
  await expect(page.getByText(adminCredentials.email).first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(onSignInPage);

  await page.goto("/admin");
  await expect(page).toHaveURL(onSignInPage);
});

test("a wrong password is refused on the sign-in page", async ({ page }) => {
  // A refused sign-in accepts no time step, so the current code is given without claiming it.
  const code = await currentTotpCode(adminCredentials.totpSecret);
  await submitSignIn(page, { password: "not-the-password", code });

  await expect(pageAlert(page)).toBeVisible();
  await expect(pageAlert(page)).not.toBeEmpty();
  await expect(page).toHaveURL(onSignInPage);
});
