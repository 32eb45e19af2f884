import { expect, test } from "@playwright/test";
import { act, addSlotRow, boardPath, expectBadge, refreshBoard, tick } from "./board";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

// Seed 001 "How to Use It": queue 2 slots, let them complete, add 2 more with the same
// "Queue Distribution" button (option 1) and one with "Add slots" (option 2).
test("seed 001's whole day: queue two, complete them, add two with Queue Distribution and one with Add slots", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await expect(page).toHaveURL(new RegExp(`${boardPath}$`));
  await expect(page.getByText("Nothing is queued for today yet.")).toBeVisible();

  // Step 1: queue initial slots.
  await page.getByLabel("Premium pool amount").fill("5000");
  await page.getByLabel("Performance pool amount").fill("3000");
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(120) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 1, "Pending");
  await expectBadge(page, 2, "Pending");
  await expect(page.getByTestId("status-counts")).toHaveText("2 Pending, 0 Executing, 0 Completed, 0 Failed");

  // Step 2: both slots run.
  await tick(page, day.instantAt(121));
  await refreshBoard(page);
  await expectBadge(page, 1, "Completed");
  await expectBadge(page, 2, "Completed");
  await expect(page.getByTestId("status-counts")).toHaveText("0 Pending, 0 Executing, 2 Completed, 0 Failed");

  // Step 3: the form allows editing again; two more slots through "Queue Distribution".
  await expect(page.getByRole("button", { name: "Queue Distribution", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Queue New Distribution" })).toBeVisible();
  await page.getByRole("button", { name: "Queue New Distribution" }).click();
  await page.getByLabel("Slot 3 ROS %").fill("1");
  await page.getByLabel("Slot 3 time").fill(day.timeAt(180));
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(240) });
  await act(page, "Queue Distribution", admin); // inside the step-up window: no code asked
  await expect(page.getByText(/queued|merged|added/i).first()).toBeVisible();

  // Step 4: four slots, two completed and two pending; then one more through "Add slots".
  await expectBadge(page, 3, "Pending");
  await expectBadge(page, 4, "Pending");
  await addSlotRow(page, { rosPercentage: "0.5", time: day.timeAt(300) });
  await act(page, "Add slots", admin);
  await expectBadge(page, 5, "Pending");

  await page.reload();
  for (const [slotNumber, badge] of [
    [1, "Completed"],
    [2, "Completed"],
    [3, "Pending"],
    [4, "Pending"],
    [5, "Pending"],
  ] as const) {
    await expectBadge(page, slotNumber, badge);
  }
  await expect(page.getByTestId("status-counts")).toHaveText("3 Pending, 0 Executing, 2 Completed, 0 Failed");
  await expect(page.getByLabel("Slot 5 ROS %")).toHaveValue("0.5");
});
