import { expect, test } from "@playwright/test";
import { act, addSlotRow, boardPath, expectBadge, tick } from "./board";
import { failPayouts } from "./database-faults";
import { signedInUser } from "./factories";
import { startTodayAfresh } from "./today";

test("a VIEWER sees the board read-only: nothing that would change the day is enabled, and the page says why", async ({
  page,
  browser,
}) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(60) });
  await addSlotRow(page, { rosPercentage: "1", time: day.timeAt(120) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 2, "Pending");
  const healPayouts = await failPayouts();
  try {
    await tick(page, day.instantAt(61));
  } finally {
    await healPayouts();
  }

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signedInUser(viewerPage, { role: "VIEWER" });
  await expect(viewerPage).toHaveURL(new RegExp(`${boardPath}$`));
  await expect(viewerPage.getByTestId("read-only-notice")).toContainText("only an admin can change it");
  await expectBadge(viewerPage, 1, "Failed");
  await expectBadge(viewerPage, 2, "Pending");

  const main = viewerPage.locator("main");
  const inputs = main.locator("input");
  expect(await inputs.count()).toBeGreaterThan(0);
  for (const input of await inputs.all()) await expect(input).toBeDisabled();
  for (const name of ["Add slot", "Queue Distribution", "Save changes", "Add slots", "Retry all failed", "Retry slot 1", "Remove slot 2"]) {
    await expect(main.getByRole("button", { name, exact: true })).toBeDisabled();
  }
  // Reading stays possible.
  await main.getByRole("button", { name: "Details of slot 1" }).click();
  await expect(viewerPage.getByRole("dialog", { name: "Slot 1" })).toContainText("injected failure");
  await viewerContext.close();
});
