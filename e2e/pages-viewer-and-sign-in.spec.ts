import { expect, test } from "@playwright/test";
import { currentTotpCode } from "../lib/auth/totp";
import { createE2eUser, signInThroughPage, signedInUser } from "./factories";
import { expectAccessible, screenshotWidths } from "./page-checks";

test("a VIEWER sees settings, history and the audit log read-only, and is told why", async ({ page }) => {
  await signedInUser(page, { role: "VIEWER" });
  await page.goto("/admin/settings");
  await expect(page.getByText("You are signed in as a viewer")).toBeVisible();
  const form = page.getByRole("form", { name: "Settings" });
  await expect(form.getByRole("spinbutton").first()).toBeVisible();
  for (const input of await form.locator("input").all()) await expect(input).toBeDisabled();
  for (const name of ["Save settings", "Discard changes", "Add a slot time"])
    await expect(page.getByRole("button", { name })).toBeDisabled();
  await expect(page.getByText("Saving is off: this view is read-only.")).toBeVisible();
  await expectAccessible(page, "settings as a viewer");
  await screenshotWidths(page, "settings-viewer");

  // History and audit log have no control that changes anything: only filters, links and details.
  const pages = [
    { path: "/admin/daily-declaration-returns/history", loaded: /days? from/ },
    { path: "/admin/audit-log", loaded: /match, newest first/ },
  ];
  for (const { path, loaded } of pages) {
    await page.goto(path);
    await expect(page.getByText(loaded)).toBeVisible();
    const enabled = await page
      .locator("main")
      .getByRole("button")
      .evaluateAll((buttons) =>
        buttons
          .filter((button) => !(button as HTMLButtonElement).disabled)
          .map((button) => button.getAttribute("aria-label") ?? button.textContent?.trim()),
      );
    expect(enabled.length).toBeGreaterThan(0);
    for (const name of enabled)
      expect(name).toMatch(/^(Show days|Last 30 days|Apply filters|Clear|Details of entry \d+|Any action|Any outcome)$/);
  }
});

test("sign-in and two-factor enrollment pages pass axe at both widths", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in to Slotpay" })).toBeVisible();
  await expectAccessible(page, "sign-in");
  await screenshotWidths(page, "sign-in");

  const user = await createE2eUser({ twoFactor: false });
  await signInThroughPage(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto("/account/two-factor");
  await expect(page.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectAccessible(page, "two-factor enrollment");
  await screenshotWidths(page, "two-factor-enrollment");

  // Enrolling through the page: the key it shows gives the code that turns two-factor on.
  const secret = (await page.locator("code").innerText()).trim();
  await page.getByLabel("Authentication code").fill(await currentTotpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/admin\/daily-declaration-returns$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText(`Two-factor authentication is on for ${user.email}.`)).toBeVisible();
});
