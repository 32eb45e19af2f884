import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInUser, withE2eDatabase } from "./factories";
import { expectAccessible, screenshotWidths } from "./page-checks";

// The member statement page and the webhook deliveries page, over rows written the way the
// payout and the outbox write them: a completed slot's ledger entries, and three messages
// (delivered, retrying after a 503, given up).

const date = "2035-06-14";

async function seedPaidMember() {
  const externalId = `64b7${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const email = `member-${externalId}@e2e.slotpay.test`;
  return withE2eDatabase(async (client) => {
    const user = await client.query<{ id: number }>(
      `INSERT INTO users (email, name, external_id, performance_score) VALUES ($1, 'Ada Member', $2, 80) RETURNING id`,
      [email, externalId],
    );
    const userId = user.rows[0].id;
    const stake = await client.query<{ id: number }>(
      `INSERT INTO stakes (user_id, principal, started_at, external_id) VALUES ($1, 2000, '2035-01-01', $2) RETURNING id`,
      [userId, `stake-${externalId}`],
    );
    const day = await client.query<{ id: number }>(
      `INSERT INTO days (date, premium_pool_amount, performance_pool_amount, status) VALUES ($1, 10, 5, 'COMPLETED')
       ON CONFLICT (date) DO UPDATE SET updated_at = now() RETURNING id`,
      [date],
    );
    const slot = await client.query<{ id: number }>(
      `INSERT INTO slots (day_id, slot_number, ros_percentage, scheduled_for, status)
       VALUES ($1, (SELECT coalesce(max(slot_number), 0) + 1 FROM slots WHERE day_id = $1), 1.5, '2035-06-14T10:00:00Z', 'COMPLETED') RETURNING id`,
      [day.rows[0].id],
    );
    const slotId = slot.rows[0].id;
    await client.query("SELECT ledger_month_partition($1::date)", [date]);
    await client.query(
      `INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date) VALUES
       ($1, 'ROS', $2, $3, 30, $4), ($1, 'PREMIUM_POOL', $3, $3, 2.5, $4), ($1, 'PERFORMANCE_POOL', $3, $3, 1.25, $4)`,
      [slotId, stake.rows[0].id, userId, date],
    );
    await client.query(`INSERT INTO wallets (user_id, balance) VALUES ($1, 33.75)`, [userId]);
    const body = JSON.stringify({ type: "slot.completed", data: { day: { date } } });
    const id = () => `msg_${randomUUID().replaceAll("-", "")}`;
    await client.query(
      `INSERT INTO outbox_messages (id, target, event_type, slot_id, body, attempts, last_status, delivered_at)
       VALUES ($1, 'WEBHOOK', 'slot.completed', $2, $3, 1, 204, now())`,
      [id(), slotId, body],
    );
    await client.query(
      `INSERT INTO outbox_messages (id, target, event_type, slot_id, body, attempts, last_status, last_error, next_attempt_at)
       VALUES ($1, 'WEBHOOK', 'slot.failed', $2, $3, 2, 503, 'HTTP 503: not now', now() + interval '20 seconds')`,
      [id(), slotId, body],
    );
    await client.query(
      `INSERT INTO outbox_messages (id, target, event_type, slot_id, body, attempts, last_error, given_up_at, created_at)
       VALUES ($1, 'WEBHOOK', 'slot.completed', $2, $3, 14, 'connect ECONNREFUSED 127.0.0.1:9', now(), now() - interval '25 hours')`,
      [id(), slotId, body],
    );
    return { externalId, email };
  });
}

test("member statement: looked up by external id or email, slot by slot with the balance", async ({ page }) => {
  const member = await seedPaidMember();
  await signedInUser(page, { role: "VIEWER" });
  await page.goto("/admin/members");
  await page.getByLabel("External id or email").fill(member.email.toUpperCase());
  await page.getByLabel("From").fill("2035-06-01");
  await page.getByLabel("To").fill("2035-06-30");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(/\/admin\/members\?q=/);
  const slot = page.getByRole("region", { name: new RegExp(`${date} slot`) });
  await expect(slot).toContainText("ROS 1.5 %");
  await expect(slot.getByRole("row", { name: new RegExp(`stake-${member.externalId}`) })).toContainText("30");
  await expect(slot).toContainText("2.5");
  await expect(slot).toContainText("1.25");
  await expect(page.getByText("Balance after").first()).toBeVisible();
  await expect(page.locator("dd", { hasText: "33.75" }).first()).toBeVisible();
  await expectAccessible(page, "member statement");
  await screenshotWidths(page, "members-statement");

  await page.goto(`/admin/members?q=${member.externalId}&from=2035-06-30&to=2035-06-01`);
  await expect(page.getByText("from must not be after to")).toBeVisible();
  await page.goto("/admin/members?q=nobody-at-all");
  await expect(page.getByText("No member has the external id or email nobody-at-all.")).toBeVisible();
});

test("webhook deliveries: each message's state, attempts and the receiver's last answer", async ({ page }) => {
  await seedPaidMember();
  await signedInUser(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/webhook-deliveries");
  await expect(page.getByRole("heading", { name: "Webhook deliveries" })).toBeVisible();
  await expect(page.getByRole("row", { name: /slot\.failed.*Pending.*2.*HTTP 503: not now/ }).first()).toBeVisible();
  await expect(page.getByRole("row", { name: /Given up.*14.*ECONNREFUSED/ }).first()).toBeVisible();
  await expectAccessible(page, "webhook deliveries");
  await screenshotWidths(page, "webhook-deliveries");
  await page.getByRole("link", { name: "given up" }).click();
  await expect(page).toHaveURL(/state=GIVEN_UP/);
  await expect(page.getByRole("row", { name: /Pending/ })).toHaveCount(0);
});
