import { e2eBaseUrl } from "./fixtures";
import { expect, type Locator, type Page } from "@playwright/test";
import type { E2eUser } from "./factories";

// The board as a person uses it: by labels, roles and visible words only.

export const boardPath = "/admin/daily-declaration-returns";
const api = "/api/admin/daily-declaration-returns";

export const slotRow = (page: Page, slotNumber: number): Locator => page.getByTestId(`slot-row-${slotNumber}`);

/** "Add slot", then that row's ROS % and time. Returns the new row's number. */
export async function addSlotRow(page: Page, values: { rosPercentage: string; time: string }): Promise<number> {
  const before = await page.locator('[data-testid^="slot-row-"]').count();
  await page.getByRole("button", { name: "Add slot", exact: true }).click();
  const rows = page.locator('[data-testid^="slot-row-"]');
  await expect(rows).toHaveCount(before + 1);
  const slotNumber = Number((await rows.nth(before).getAttribute("data-testid"))!.replace("slot-row-", ""));
  await page.getByLabel(`Slot ${slotNumber} ROS %`).fill(values.rosPercentage);
  await page.getByLabel(`Slot ${slotNumber} time`).fill(values.time);
  return slotNumber;
}

export const codeDialog = (page: Page) => page.getByRole("dialog", { name: "Two-factor code" });

/** Types a code into the dialog (6 digits into the one-time-code field) and confirms. */
export async function enterCode(page: Page, code: string) {
  const dialog = codeDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Authentication code").fill(code);
  await dialog.getByRole("button", { name: "Confirm" }).click();
}

/** Clicks an action; when the server asks for a code, the user's next one goes into the dialog. */
export async function act(page: Page, action: string, user: E2eUser, options: { expectCode?: boolean } = {}) {
  await page.getByRole("button", { name: action, exact: true }).click();
  if (options.expectCode) {
    await enterCode(page, await user.nextCode());
    await expect(codeDialog(page)).toBeHidden();
  }
}

/** The only API shortcut the board tests take: one scheduler tick as of `now` (the page's own session). */
export async function tick(page: Page, now: string) {
  // A cookie-carrying mutation must name its origin, as the page's own fetches do.
  const response = await page.request.post(`${api}/test-execute-cron`, { data: { now }, headers: { origin: e2eBaseUrl } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { executed: { slotNumber: number; status: string }[] };
}

export async function expectBadge(page: Page, slotNumber: number, label: "Pending" | "Executing" | "Completed" | "Failed") {
  await expect(slotRow(page, slotNumber).locator("[data-status]").first()).toHaveText(label, { timeout: 15_000 });
}

/** Refreshes the board now rather than waiting for its next poll. */
export const refreshBoard = (page: Page) => page.getByRole("button", { name: "Refresh", exact: true }).click();
