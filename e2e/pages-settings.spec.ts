import { expect, test } from "@playwright/test";
import { currentTotpCode } from "../lib/auth/totp";
import { act, addSlotRow, boardPath, codeDialog, enterCode, expectBadge } from "./board";
import { signedInUser } from "./factories";
import { expectAccessible, screenshotWidths } from "./page-checks";
import { startTodayAfresh } from "./today";

/** A 6-digit code that is none of the user's previous, current and next ones. */
async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((step) => currentTotpCode(secret, Date.now() + step * 30_000))));
  return ["000000", "111111", "222222", "333333"].find((code) => !valid.has(code))!;
}

const settingsPath = "/admin/settings";
const attempts = (page: import("@playwright/test").Page) => page.getByLabel("Attempts per slot, at most");

test("a settings change goes through the code dialog; the page says what it does to today and why the time zone is locked", async ({
  page,
}) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await page.goto(settingsPath);
  const before = await attempts(page).inputValue();
  const changed = before === "4" ? "5" : "4";

  await attempts(page).fill(changed);
  await expect(page.getByRole("region", { name: "What this change does to today" })).toContainText("No day is queued today");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(codeDialog(page)).toBeVisible(); // the server asked for a code
  await expectAccessible(page, "settings code dialog", ["light"]);
  await enterCode(page, await wrongCode(admin.totpSecret!)); // a wrong code first
  await expect(codeDialog(page).getByRole("alert")).toBeVisible();
  await enterCode(page, await admin.nextCode());
  await expect(codeDialog(page)).toBeHidden();
  await expect(page.getByText("Settings updated")).toBeVisible();
  await page.reload();
  await expect(attempts(page)).toHaveValue(changed);

  // With a pending slot today, the page says before any try that the zone cannot change.
  await page.goto(boardPath);
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(120) });
  await act(page, "Queue Distribution", admin); // inside the step-up window: no code
  await expectBadge(page, 1, "Pending");
  await page.goto(settingsPath);
  await expect(page.getByRole("combobox", { name: "Time zone" })).toBeDisabled();
  await expect(page.getByText(`The time zone cannot change while ${day.date} has 1 pending and 0 executing slot`)).toBeVisible();
  await page.getByLabel("Lateness before a slot is missed (seconds)").fill("60");
  await page.getByLabel("ROS per slot, at most (%)").fill("0.5");
  const impact = page.getByRole("region", { name: "What this change does to today" });
  await expect(impact).toContainText("Pending slot 1 of today exceeds 0.5 % ROS");
  await expectAccessible(page, "settings");
  await screenshotWidths(page, "settings");
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(attempts(page)).toHaveValue(changed);
});
