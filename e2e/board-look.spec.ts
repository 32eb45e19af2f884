import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { act, addSlotRow, expectBadge, refreshBoard, tick } from "./board";
import { failPayouts } from "./database-faults";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

// The board as an admin sees it mid-day (completed, failed, pending and an edited slot), in
// light and dark, at 1280 px and 390 px: no serious or critical axe violation, and screenshots
// kept as test artifacts in test-results/screenshots/.

const screenshot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function chooseTheme(page: Page, theme: "Light" | "Dark") {
  await page.getByRole("button", { name: "Theme" }).first().click();
  await page.getByRole("menuitemradio", { name: theme }).click();
  await expect(page.locator("html")).toHaveClass(theme === "Dark" ? /dark/ : /light/);
}

test("the board passes axe in light and dark, and is usable at 1280 px and 390 px", async ({ page }) => {
  const day = await startTodayAfresh();
  await page.setViewportSize({ width: 1280, height: 900 });
  const admin = await signedInUser(page);
  await page.getByLabel("Premium pool amount").fill("5000");
  await page.getByLabel("Performance pool amount").fill("3000");
  await page.getByLabel("Description").fill("Afternoon distributions");
  for (const minutes of [30, 60, 120, 180]) await addSlotRow(page, { rosPercentage: "2.5", time: day.timeAt(minutes) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 4, "Pending");
  await tick(page, day.instantAt(31));
  const healPayouts = await failPayouts();
  try {
    await tick(page, day.instantAt(61));
  } finally {
    await healPayouts();
  }
  await refreshBoard(page);
  await expectBadge(page, 1, "Completed");
  await expectBadge(page, 2, "Failed");
  await page.getByLabel("Slot 3 ROS %").fill("3");
  await page.getByRole("button", { name: "Add slot", exact: true }).click();

  for (const theme of ["Light", "Dark"] as const) {
    await chooseTheme(page, theme);
    expect(await seriousViolations(page), `${theme} at 1280 px`).toEqual([]);
    await screenshot(page, `board-1280-${theme.toLowerCase()}`);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("table", { name: "Slots" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Slots" })).toBeVisible();
  await expect(page.getByLabel("Slot 3 ROS %")).toHaveValue("3");
  for (const theme of ["Dark", "Light"] as const) {
    await chooseTheme(page, theme);
    expect(await seriousViolations(page), `${theme} at 390 px`).toEqual([]);
    await screenshot(page, `board-390-${theme.toLowerCase()}`);
  }

  // On a phone the navigation lives in a sheet; it traps focus and closes with Escape.
  await page.getByRole("button", { name: "Open menu" }).click();
  const menu = page.getByRole("dialog", { name: "Slotpay" });
  await expect(menu.getByRole("link", { name: "History" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: "test-results/screenshots/board-390-menu.png" });
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  // Every action by keyboard: the slot sheet opens from its button and closes with Escape.
  await page.getByRole("button", { name: "Details of slot 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Slot 2" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/board-390-slot-sheet.png" });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Slot 2" })).toBeHidden();
});
