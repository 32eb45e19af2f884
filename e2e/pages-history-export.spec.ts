import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../tests/helpers/csv";
import { act, addSlotRow, boardPath, expectBadge, refreshBoard, tick } from "./board";
import { signedInUser, withE2eDatabase } from "./factories";
import { expectAccessible, screenshotWidths } from "./page-checks";
import { startTodayAfresh } from "./today";

const historyPath = "/admin/daily-declaration-returns/history";

/** Platform members with active stakes, so the day's slot really pays someone. */
async function addMembers(tag: string) {
  await withE2eDatabase(async (client) => {
    await client.query(
      `WITH members AS (
         INSERT INTO users (email, performance_score) SELECT 'member-' || $1 || '-' || n || '@e2e.slotpay.test', 40 + n * 10 FROM generate_series(1, 4) n RETURNING id)
       INSERT INTO stakes (user_id, principal, status, started_at) SELECT id, 1000 + id % 7 * 250.5, 'ACTIVE', now() - interval '2 days' FROM members`,
      [tag],
    );
  });
}

/** What the ledger holds for the day, by PostgreSQL: row count and exact sum. */
const ledgerOfDay = (date: string) =>
  withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ rows: number; total: string }>(
      `SELECT count(*)::int AS rows, coalesce(sum(l.amount), 0)::text AS total
       FROM ledger_entries l JOIN slots s ON s.id = l.slot_id JOIN days d ON d.id = s.day_id WHERE d.date = $1::date`,
      [date],
    );
    return rows[0];
  });

const sumOf = (amounts: string[]) => {
  const units = amounts.reduce((total, amount) => total + BigInt(amount.replace(".", "")), 0n);
  return `${units / 100_000_000n}.${String(units % 100_000_000n).padStart(8, "0")}`;
};

test("a completed day's payouts CSV, downloaded from the history page, equals the ledger; the range stays in the URL", async ({ page }) => {
  const day = await startTodayAfresh();
  await addMembers(day.instantAt(0));
  const admin = await signedInUser(page);
  await expect(page).toHaveURL(new RegExp(`${boardPath}$`));
  await page.getByLabel("Premium pool amount").fill("500");
  await page.getByLabel("Performance pool amount").fill("300");
  await addSlotRow(page, { rosPercentage: "1.5", time: day.timeAt(30) });
  await act(page, "Queue Distribution", admin, { expectCode: true });
  await expectBadge(page, 1, "Pending");
  expect((await tick(page, day.instantAt(31))).executed).toMatchObject([{ slotNumber: 1, status: "COMPLETED" }]);
  await refreshBoard(page);
  await expectBadge(page, 1, "Completed");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(new RegExp(`${historyPath}$`));
  await page.reload(); // the board's toasts stay with the board
  const card = page.getByRole("region", { name: day.date });
  await expect(card).toContainText("Completed");
  await expect(card).toContainText("0 Pending, 0 Executing, 1 Completed, 0 Failed");

  const downloading = page.waitForEvent("download");
  await card.getByRole("link", { name: `Payouts CSV of ${day.date}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`slotpay-payouts-${day.date}.csv`);
  const [header, ...rows] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header).toEqual(["date", "slot", "scheduledFor", "kind", "userId", "userEmail", "stakeId", "amount"]);
  const ledger = await ledgerOfDay(day.date);
  expect(ledger.rows).toBeGreaterThanOrEqual(4 + 2); // ROS of the 4 new stakes and at least one share of each pool
  expect(rows).toHaveLength(ledger.rows);
  expect(sumOf(rows.map((row) => row[7]))).toBe(ledger.total);
  expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([day.date]));

  await expectAccessible(page, "history");
  await screenshotWidths(page, "history");

  // The range is kept in the URL: set through the form, kept by a reload, shared by link.
  const yesterday = new Date(Date.parse(`${day.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(yesterday);
  await page.getByLabel("To").fill(day.date);
  await page.getByRole("button", { name: "Show days" }).click();
  await expect(page).toHaveURL(`${historyPath}?from=${yesterday}&to=${day.date}`);
  await page.reload();
  await expect(page.getByLabel("From")).toHaveValue(yesterday);
  await expect(page.getByRole("region", { name: day.date })).toBeVisible();

  await page.goto(`${historyPath}?from=2001-01-01&to=2001-01-07`);
  await expect(page.getByText("No distribution day in this range.")).toBeVisible();
  await expect(page.getByText("0 days from 2001-01-01 to 2001-01-07")).toBeVisible();
  await page.goto(`${historyPath}?from=2001-02-30`);
  await expect(page.getByText("The range in the address is not valid")).toBeVisible();
});
