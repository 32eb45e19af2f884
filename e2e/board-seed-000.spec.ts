import { expect, test } from "@playwright/test";
import { act, addSlotRow, expectBadge, refreshBoard, slotRow, tick } from "./board";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

// Seed 000, "Testing Checklist" §4 Frontend Integration, and its Example Timeline: badges per slot,
// completed slots locked, pending ones editable, "Queue New Distribution" once the day is done,
// the overview's counts.
test("seed 000's frontend checklist: badges, locks, editable pending slots, counts, Queue New Distribution", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);

  await addSlotRow(page, { rosPercentage: "2.5", time: day.timeAt(60) });
  await addSlotRow(page, { rosPercentage: "3", time: day.timeAt(120) });
  await addSlotRow(page, { rosPercentage: "2", time: day.timeAt(240) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  for (const n of [1, 2, 3]) await expectBadge(page, n, "Pending");
  await expect(page.getByTestId("status-counts")).toHaveText("3 Pending, 0 Executing, 0 Completed, 0 Failed");
  await expect(page.getByRole("button", { name: "Queue New Distribution" })).toBeHidden();

  // 08:00 slot 1 runs: it is locked (disabled, saying why), the others stay editable.
  await tick(page, day.instantAt(61));
  await refreshBoard(page);
  await expectBadge(page, 1, "Completed");
  await expect(page.getByLabel("Slot 1 ROS %")).toBeDisabled();
  await expect(page.getByLabel("Slot 1 time")).toBeDisabled();
  await expect(slotRow(page, 1)).toContainText("Completed: this slot has paid out and can no longer change.");
  await expect(slotRow(page, 1).getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByLabel("Slot 2 ROS %")).toBeEnabled();
  await expect(page.getByLabel("Slot 3 ROS %")).toBeEnabled();
  await expect(page.getByTestId("status-counts")).toHaveText("2 Pending, 0 Executing, 1 Completed, 0 Failed");

  // 09:30 the admin modifies slot 3 (2 → 3.5) with "Save changes"; slot 1 is preserved.
  await page.getByLabel("Slot 3 ROS %").fill("3.5");
  await expect(slotRow(page, 3)).toContainText("Edited");
  await expect(page.getByTestId("preview-summary")).toBeVisible();
  await act(page, "Save changes", admin);
  await page.reload();
  await expect(page.getByLabel("Slot 3 ROS %")).toHaveValue("3.5");
  await expect(page.getByLabel("Slot 1 ROS %")).toHaveValue("2.5");
  await expectBadge(page, 1, "Completed");

  // 10:00 and 14:00: the rest run; every slot locked; "Queue New Distribution" appears.
  await tick(page, day.instantAt(241));
  await refreshBoard(page);
  for (const n of [1, 2, 3]) {
    await expectBadge(page, n, "Completed");
    await expect(page.getByLabel(`Slot ${n} ROS %`)).toBeDisabled();
  }
  await expect(page.getByTestId("status-counts")).toHaveText("0 Pending, 0 Executing, 3 Completed, 0 Failed");
  await page.getByRole("button", { name: "Queue New Distribution" }).click();
  await expect(page.getByLabel("Slot 4 ROS %")).toBeEnabled();
  await expect(page.getByRole("button", { name: "Queue New Distribution" })).toBeHidden();
});

test("a refused slot is marked on its row and field, and the edits survive a reload", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);

  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  // Over the settings' maxRosPercentage (10): the server refuses it (400) naming slot 2's ROS.
  await addSlotRow(page, { rosPercentage: "50", time: day.timeAt(90) });
  await act(page, "Queue Distribution", admin);
  await expect(page.getByLabel("Slot 2 ROS %")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Slot 2: rosPercentage 50 is above the maximum of 10")).toBeVisible();
  await expect(page.getByLabel("Slot 1 ROS %")).not.toHaveAttribute("aria-invalid", "true");

  // A malformed value is caught with the API's own schema before anything is sent.
  await page.getByLabel("Slot 1 ROS %").fill("0");
  await act(page, "Queue Distribution", admin);
  await expect(page.getByLabel("Slot 1 ROS %")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("rosPercentage must be greater than 0")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Slot 1 ROS %")).toHaveValue("0");
  await expect(page.getByLabel("Slot 2 ROS %")).toHaveValue("50");
  await expect(page.getByLabel("Slot 2 time")).toHaveValue(day.timeAt(90));

  await page.getByLabel("Slot 1 ROS %").fill("1");
  await page.getByLabel("Slot 2 ROS %").fill("5");
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 1, "Pending");
  await expectBadge(page, 2, "Pending");
});
