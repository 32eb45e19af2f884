import { expect, test } from "@playwright/test";
import { act, addSlotRow, boardPath, refreshBoard, slotRow } from "./board";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

test("two admins on one day: the stale save gets the 409 banner, the edits are reapplied to the new day, and a removal saves", async ({
  page,
  browser,
}) => {
  const day = await startTodayAfresh();
  const first = await signedInUser(page);
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  await addSlotRow(page, { rosPercentage: "1.5", time: day.timeAt(90) });
  await addSlotRow(page, { rosPercentage: "2", time: day.timeAt(120) });
  await act(page, "Queue Distribution", first, { expectCode: true });
  await expect(slotRow(page, 3)).toBeVisible();
  // Held still, the first admin's board keeps the day as it was loaded.
  await page.getByRole("button", { name: "Pause live refresh" }).click();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  try {
    const second = await signedInUser(other);
    await other.goto(boardPath);
    await other.getByLabel("Slot 3 ROS %").fill("3.5");
    await act(other, "Save changes", second, { expectCode: true });
    await expect(slotRow(other, 3)).not.toContainText("Edited");
  } finally {
    await otherContext.close();
  }

  await page.getByLabel("Slot 2 ROS %").fill("2.5");
  await act(page, "Save changes", first);
  const banner = page.getByTestId("conflict-banner");
  await expect(banner).toContainText("The day changed while you were editing");
  await expect(banner).toContainText("Slot 3");
  await expect(page.getByLabel("Slot 2 ROS %")).toHaveValue("2.5");

  await banner.getByRole("button", { name: "Reapply my edits to the new day" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByLabel("Slot 3 ROS %")).toHaveValue("3.5");
  await act(page, "Save changes", first);
  await expect(slotRow(page, 2)).not.toContainText("Edited");
  await page.reload();
  await expect(page.getByLabel("Slot 2 ROS %")).toHaveValue("2.5");
  await expect(page.getByLabel("Slot 3 ROS %")).toHaveValue("3.5");

  // Removing a pending slot is an edit like any other: marked, saved, gone after a reload.
  await page.getByRole("button", { name: "Remove slot 3" }).click();
  await expect(page.getByRole("button", { name: "Keep slot 3" })).toBeVisible();
  await act(page, "Save changes", first);
  await page.reload();
  await refreshBoard(page);
  await expect(slotRow(page, 2)).toBeVisible();
  await expect(slotRow(page, 3)).toHaveCount(0);
});
