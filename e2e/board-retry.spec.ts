import { expect, test } from "@playwright/test";
import { act, addSlotRow, expectBadge, refreshBoard, slotRow, tick } from "./board";
import { failPayouts } from "./database-faults";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

test("failed slots show why; one is retried from its row, the rest with Retry all failed", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  for (const minutes of [60, 90, 120]) await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(minutes) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 3, "Pending");

  const healPayouts = await failPayouts();
  try {
    const run = await tick(page, day.instantAt(121));
    expect(run.executed.map((slot) => slot.status)).toEqual(["FAILED", "FAILED", "FAILED"]);
  } finally {
    await healPayouts();
  }
  await refreshBoard(page);
  for (const n of [1, 2, 3]) {
    await expectBadge(page, n, "Failed");
    await expect(slotRow(page, n)).toContainText("injected failure: the ledger refused the payout");
    await expect(page.getByLabel(`Slot ${n} ROS %`)).toBeDisabled();
  }
  await expect(page.getByTestId("status-counts")).toHaveText("0 Pending, 0 Executing, 0 Completed, 3 Failed");

  // Retry makes the slot due now; the server's own scheduler then pays it.
  await page.getByRole("button", { name: "Retry slot 1" }).click();
  await expect(page.getByText("Slot 1 will be retried")).toBeVisible();
  await expectBadge(page, 1, "Completed");
  await expectBadge(page, 2, "Failed");

  await act(page, "Retry all failed", admin);
  await expectBadge(page, 2, "Completed");
  await expectBadge(page, 3, "Completed");
  await expect(page.getByTestId("status-counts")).toHaveText("0 Pending, 0 Executing, 3 Completed, 0 Failed");
  await expect(page.getByRole("button", { name: "Retry all failed" })).toBeHidden();

  // The slot sheet tells the story of the retried slot.
  await page.getByRole("button", { name: "Details of slot 1" }).click();
  const sheet = page.getByRole("dialog", { name: "Slot 1" });
  await expect(sheet).toContainText("Scheduled time");
  await expect(sheet).toContainText("Completed");
  await expect(sheet.getByRole("link", { name: /Export slot 1's payouts/ })).toHaveAttribute(
    "href",
    `/api/admin/daily-declaration-returns/days/${day.date}/payouts.csv?slot=1`,
  );
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
});
