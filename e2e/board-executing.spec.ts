import { e2eBaseUrl } from "./fixtures";
import { expect, test } from "@playwright/test";
import { act, addSlotRow, expectBadge, refreshBoard, slotRow } from "./board";
import { holdPayouts } from "./database-faults";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

const api = "/api/admin/daily-declaration-returns";

test("a change while a slot is EXECUTING gets the 409 banner naming the slot, and the admin's edits are kept", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  await addSlotRow(page, { rosPercentage: "2", time: day.timeAt(120) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 2, "Pending");

  const hold = await holdPayouts();
  try {
    // The tick claims slot 1 and its payout waits on the held lock: slot 1 stays EXECUTING.
    const ticking = page.request.post(`${api}/test-execute-cron`, {
      data: { now: day.instantAt(61) },
      headers: { origin: e2eBaseUrl },
      timeout: 60_000,
    });
    await expect(async () => {
      await refreshBoard(page);
      await expectBadge(page, 1, "Executing");
    }).toPass({ timeout: 15_000 });
    await expect(page.getByLabel("Slot 1 ROS %")).toBeDisabled();
    await expect(slotRow(page, 1)).toContainText("Executing: this slot is paying out now");

    await page.getByLabel("Slot 2 ROS %").fill("4");
    await act(page, "Save changes", admin);
    const banner = page.getByTestId("refusal-banner");
    await expect(banner).toContainText("Cannot modify distribution while slots are executing");
    await expect(banner).toContainText(`Slot 1 (${day.timeAt(60)}) is executing now`);
    await expect(page.getByLabel("Slot 2 ROS %")).toHaveValue("4");

    // Not even a reload loses the edit.
    await page.reload();
    await expect(page.getByLabel("Slot 2 ROS %")).toHaveValue("4");
    await expect(slotRow(page, 2)).toContainText("Edited");

    // While a slot runs the board polls every 2 s; paused, it does not poll at all.
    const polls: number[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/today/status")) polls.push(Date.now());
    });
    await page.getByRole("button", { name: "Pause live refresh" }).click();
    await expect(page.getByText("Live refresh paused")).toBeVisible();
    const pausedAt = Date.now();
    await page.waitForTimeout(4_500);
    expect(polls.filter((at) => at > pausedAt + 200)).toEqual([]);
    await page.getByRole("button", { name: "Resume live refresh" }).click();
    await expect.poll(() => polls.length, { timeout: 5_000 }).toBeGreaterThan(0);

    await hold.release();
    expect((await ticking).status()).toBe(200);
  } finally {
    await hold.release();
  }

  await refreshBoard(page);
  await expectBadge(page, 1, "Completed");
  await act(page, "Save changes", admin);
  await expect(slotRow(page, 2)).not.toContainText("Edited");
  await page.reload();
  await expect(page.getByLabel("Slot 2 ROS %")).toHaveValue("4");
  await expectBadge(page, 2, "Pending");
});
