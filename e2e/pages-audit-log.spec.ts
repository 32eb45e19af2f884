import { expect, test } from "@playwright/test";
import { act, addSlotRow, expectBadge } from "./board";
import { signedInUser } from "./factories";
import { expectAccessible, screenshotWidths } from "./page-checks";
import { startTodayAfresh } from "./today";

const auditPath = "/admin/audit-log";

test("audit log: filters kept in the URL, and an entry's before/after", async ({ page }) => {
  const day = await startTodayAfresh();
  const admin = await signedInUser(page);
  await page.getByLabel("Premium pool amount").fill("100");
  await page.getByLabel("Performance pool amount").fill("50");
  await addSlotRow(page, { rosPercentage: "1.25", time: day.timeAt(90) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 1, "Pending");

  await page.goto(auditPath);
  await page.getByLabel("Actor (email contains)").fill(admin.email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(`${auditPath}?actor=${encodeURIComponent(admin.email)}`);
  const entries = page.getByRole("table", { name: "Audit entries" });
  // The header, the queue sent without a code (refused: the server asked for one), then the queue.
  await expect(entries.getByRole("row")).toHaveCount(3);
  await expect(entries.getByRole("row").nth(1)).toContainText(/distribution\.queue.*OK/);
  await expect(entries.getByRole("row").nth(2)).toContainText(/distribution\.queue.*Refused.*TWO_FACTOR_INVALID/);

  // The entries of today's slot 1, by URL; reloading keeps every filter.
  await page.goto(`${auditPath}?actor=${encodeURIComponent(admin.email)}&date=${day.date}&slot=1`);
  await expect(page.getByLabel("About day")).toHaveValue(day.date);
  await expect(page.getByLabel("Slot of that day")).toHaveValue("1");
  await expect(entries.getByRole("row")).toHaveCount(2); // a refusal is about no day: only the queue

  await entries.getByRole("button", { name: /Details of entry/ }).click();
  const dialog = page.getByRole("dialog", { name: /distribution\.queue/ });
  await expect(dialog).toBeVisible();
  const changes = dialog.getByRole("table", { name: "What changed" });
  await expect(changes).toContainText("premiumPoolAmount");
  await expect(changes.getByRole("row", { name: /^slots added/ })).toContainText("rosPercentage");
  await expect(dialog.getByLabel("Before JSON")).toHaveText("—");
  await expect(dialog.getByLabel("After JSON")).toContainText('"rosPercentage": "1.25"');
  await expectAccessible(page, "audit entry dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Outcome through its select, with the day filters cleared.
  await page.getByLabel("About day").fill("");
  await page.getByLabel("Outcome").click();
  await page.getByRole("option", { name: "Refused" }).click();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(`${auditPath}?outcome=REFUSED&actor=${encodeURIComponent(admin.email)}`);
  await expect(entries.getByRole("row")).toHaveCount(2);
  await expect(entries).toContainText("TWO_FACTOR_INVALID");
  await page.goto(`${auditPath}?outcome=FAILED&actor=${encodeURIComponent(admin.email)}`);
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(new RegExp(`${auditPath}$`));
  await expect(entries.getByRole("row").nth(1)).toBeVisible();
  await expectAccessible(page, "audit log");
  await screenshotWidths(page, "audit-log");

  await page.goto(`${auditPath}?outcome=MAYBE`);
  await expect(page.getByText("Some filters in the address were not valid and are ignored")).toBeVisible();
});
