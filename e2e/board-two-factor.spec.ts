import { expect, test } from "@playwright/test";
import { currentTotpCode } from "../lib/auth/totp";
import { seriousViolations } from "./axe";
import { addSlotRow, codeDialog, enterCode, expectBadge } from "./board";
import type { E2eUser } from "./factories";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

/** A code the server cannot accept now: the current one with its last digit changed. */
async function wrongCode(user: E2eUser): Promise<string> {
  const code = await currentTotpCode(user.totpSecret!);
  return code.slice(0, 5) + String((Number(code[5]) + 5) % 10);
}

test("the code dialog opens only when asked, shows a wrong code, and the step-up window shows its time left", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await expect(page.getByTestId("step-up")).toHaveText("Changes ask for a code");
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  await page.getByRole("button", { name: "Queue Distribution", exact: true }).click();

  const dialog = codeDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Authentication code")).toBeFocused();
  await expect(dialog.getByLabel("Authentication code")).toHaveAttribute("inputmode", "numeric");
  await expect(dialog.getByLabel("Authentication code")).toHaveAttribute("autocomplete", "one-time-code");
  await enterCode(page, await wrongCode(admin));
  await expect(dialog.getByRole("alert")).toContainText("Invalid or already used two-factor code");
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page), "code dialog open").toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/board-1280-code-dialog.png" });

  await enterCode(page, await admin.nextCode());
  await expect(dialog).toBeHidden();
  await expectBadge(page, 1, "Pending");
  await expect(page.getByTestId("step-up")).toHaveText(/^Verified, [45]:\d\d left$/);
});

test("five wrong codes lock the step-up, and the page says for how long", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  await page.getByRole("button", { name: "Queue Distribution", exact: true }).click();
  const dialog = codeDialog(page);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await enterCode(page, await wrongCode(admin));
    await expect(dialog.getByRole("alert")).toContainText("Invalid or already used two-factor code");
  }
  await enterCode(page, await wrongCode(admin));
  await expect(dialog.getByRole("alert")).toContainText("Too many failed attempts");
  await expect(dialog.getByRole("alert")).toContainText(/Locked: 1[45]:\d\d left/);
  await expect(dialog.getByRole("button", { name: "Confirm" })).toBeDisabled();

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Queue Distribution", exact: true }).click();
  const banner = page.getByTestId("refusal-banner");
  await expect(banner).toContainText("Two-factor code locked");
  await expect(banner).toContainText(/Try again in 1[45]:\d\d/);
  await expect(page.getByLabel("Slot 1 ROS %")).toHaveValue("1");
});
