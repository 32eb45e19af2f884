import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { deliverDueMessages } from "@/lib/webhooks/deliver-due-messages";
import { outboxDelivererIdle, stopOutboxDeliverer } from "@/lib/webhooks/outbox-deliverer";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { GET as deliveriesRoute } from "@/app/api/admin/webhook-deliveries/route";
import { createConsoleUser, signInAs } from "../../factories/users";
import { ledgerOf, noonSlot, queueDay, retireAllMembers, setUpExecution, slotOf, totalsOf, type Actor } from "../../helpers/execution-data";
import { apiRequest, callRoute, expectError, readJson } from "../../helpers/http";
import { startWebhookReceiver, type WebhookReceiver } from "../../helpers/webhook-receiver";

process.env.SLOTPAY_LOG = "silent";

// Slot webhooks against a real HTTP receiver: written with the slot, signed the Standard
// Webhooks way, retried with backoff until a 2xx, once per webhook-id, given up after 24 h.

const secret = `whsec_${Buffer.from("slotpay-test-webhook-secret-32by").toString("base64")}`;
let receiver: WebhookReceiver;
let actor: Actor;
let day = 0;
const nextDate = () => `2031-03-${String(++day).padStart(2, "0")}`;

type Outbox = { id: string; event_type: string; attempts: number; delivered: boolean; given_up: boolean; last_status: number | null };
const outboxOf = (slotId: number) =>
  db().$queryRaw<Outbox[]>`
    SELECT id, event_type, attempts, delivered_at IS NOT NULL AS delivered, given_up_at IS NOT NULL AS given_up, last_status
    FROM outbox_messages WHERE slot_id = ${slotId} AND target = 'WEBHOOK'`;

/** Queues a one-slot day at noon and runs it (the tick wakes the deliverer), then waits for the deliverer. */
async function paySlotOn(date: string) {
  await queueDay({
    actor,
    date,
    premium: "3",
    performance: "2",
    slots: noonSlot(date, "1.5"),
  });
  await tick({ now: new Date(`${date}T12:00:01.000Z`) });
  return slotOf(date, 1);
}

beforeAll(async () => {
  receiver = await startWebhookReceiver(1);
  Object.assign(process.env, {
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: secret,
    WEBHOOK_RETRY_BASE_MS: "150",
    WEBHOOK_TIMEOUT_MS: "2000",
  });
  ({ actor } = await setUpExecution({
    stakesStartedAt: "2031-01-01T00:00:00Z",
    members: [
      { score: "70", principals: ["1200", "0.5"] },
      { score: "140", principals: ["999.99999999"] },
    ],
  }));
});

beforeEach(() => receiver.setAnswer(() => 204));

afterAll(async () => {
  await outboxDelivererIdle();
  await receiver.close();
  for (const name of ["WEBHOOK_URL", "WEBHOOK_SECRET", "WEBHOOK_RETRY_BASE_MS", "WEBHOOK_TIMEOUT_MS"]) delete process.env[name];
});

describe("slot.completed", () => {
  it("arrives once, signed with the secret, with the day, the slot and the ledger's totals", async () => {
    const date = nextDate();
    const slot = await paySlotOn(date);
    expect(slot.status).toBe("COMPLETED");
    const [request] = await receiver.waitForRequests(1);
    await outboxDelivererIdle();
    const id = String(request.headers["webhook-id"]);
    const timestamp = Number(request.headers["webhook-timestamp"]);
    const header = String(request.headers["webhook-signature"]);
    expect(header).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verifyWebhookSignature({ secret, id, timestamp, body: request.body, header })).toBe(true);
    expect(verifyWebhookSignature({ secret: "whsec_b3RoZXI=", id, timestamp, body: request.body, header })).toBe(false);
    expect(verifyWebhookSignature({ secret, id, timestamp, body: request.body.replace('"stakesPaid":3', '"stakesPaid":4'), header })).toBe(
      false,
    );
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);

    const totals = totalsOf(await ledgerOf(slot.id));
    const message = JSON.parse(request.body);
    expect(message).toMatchObject({
      type: "slot.completed",
      data: {
        day: { date },
        slot: { number: 1, status: "COMPLETED", scheduledFor: `${date}T12:00:00.000Z`, attempt: 1 },
        totals: { stakesPaid: totals.ros.count, totalRos: totals.ros.total, premiumPoolPaid: "3", performancePoolPaid: "2" },
      },
    });
    expect(message.data.totals.stakesPaid).toBe(3);
    expect(message.data.slot.executedAt).toMatch(/^2\d{3}-/);
    expect(await outboxOf(slot.id)).toEqual([
      { id, event_type: "slot.completed", attempts: 1, delivered: true, given_up: false, last_status: 204 },
    ]);
  });

  it("a receiver that fails twice gets the message on the third try, once per webhook-id", async () => {
    receiver.setAnswer((_id, nth) => (nth === 1 ? 500 : nth === 2 ? 503 : 200));
    const before = receiver.received.length;
    const slot = await paySlotOn(nextDate());
    const requests = (await receiver.waitForRequests(before + 3)).slice(before);
    await outboxDelivererIdle();
    const ids = new Set(requests.map((request) => request.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    // Exponential backoff: 150 ms after the first failure, 300 ms after the second.
    expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(140);
    expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(290);
    expect(await outboxOf(slot.id)).toMatchObject([{ attempts: 3, delivered: true, last_status: 200 }]);
    await deliverDueMessages();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received.length - before).toBe(3);
  });

  it("several deliverers at once deliver each message once", async () => {
    // Three messages whose first attempt failed and whose retry is a minute away …
    receiver.setAnswer(() => 500);
    process.env.WEBHOOK_RETRY_BASE_MS = "60000";
    const slots = [await paySlotOn(nextDate()), await paySlotOn(nextDate()), await paySlotOn(nextDate())];
    await outboxDelivererIdle();
    stopOutboxDeliverer();
    process.env.WEBHOOK_RETRY_BASE_MS = "150";
    receiver.setAnswer(() => 200);
    // … due now, for four deliverers at once.
    await db().$executeRaw`UPDATE outbox_messages SET claimed_until = NULL, next_attempt_at = now() WHERE delivered_at IS NULL`;
    const before = receiver.received.length;
    const passes = await Promise.all([deliverDueMessages(), deliverDueMessages(), deliverDueMessages(), deliverDueMessages()]);
    expect(passes.reduce((sum, pass) => sum + pass.delivered, 0)).toBe(3);
    const ids = receiver.received.slice(before).map((request) => String(request.headers["webhook-id"]));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const slot of slots) expect(await outboxOf(slot.id)).toMatchObject([{ delivered: true, attempts: 2 }]);
  });
});

describe("slot.failed and giving up", () => {
  it("a slot missed beyond its lateness produces slot.failed with the reason", async () => {
    const date = nextDate();
    await queueDay({
      actor,
      date,
      premium: "3",
      performance: "2",
      slots: noonSlot(date, "1"),
    });
    const before = receiver.received.length;
    await tick({ now: new Date(`${date}T23:00:00.000Z`) }); // past maxLateness (6 h)
    const [request] = (await receiver.waitForRequests(before + 1)).slice(before);
    await outboxDelivererIdle();
    const message = JSON.parse(request.body);
    expect(message).toMatchObject({
      type: "slot.failed",
      data: { day: { date }, slot: { number: 1, status: "FAILED" }, totals: { stakesPaid: 0, totalPaid: "0" } },
    });
    expect(message.data.error).toMatch(/^Missed: not started within 21600 s/);
  });

  it("a message still failing 24 h after it was written is given up, not tried again", async () => {
    receiver.setAnswer(() => 500);
    const slot = await paySlotOn(nextDate());
    await outboxDelivererIdle();
    await db().$executeRaw`
      UPDATE outbox_messages SET created_at = now() - interval '25 hours', next_attempt_at = now(), claimed_until = NULL WHERE slot_id = ${slot.id}`;
    await deliverDueMessages();
    const [row] = await outboxOf(slot.id);
    expect(row).toMatchObject({ delivered: false, given_up: true, last_status: 500 });
    const before = receiver.received.length;
    await deliverDueMessages();
    expect(receiver.received.length).toBe(before);
  });
});

describe("the outbox is part of the slot's transaction", () => {
  it("a failed outbox write rolls the payout back: nothing paid, the slot FAILED with its own message", async () => {
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_refuse_completed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.event_type = 'slot.completed' THEN RAISE EXCEPTION 'outbox refused'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_completed BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION test_refuse_completed()`,
    );
    try {
      const slot = await paySlotOn(nextDate());
      expect(slot.status).toBe("FAILED");
      expect(await ledgerOf(slot.id)).toEqual([]);
      expect(await outboxOf(slot.id)).toMatchObject([{ event_type: "slot.failed" }]);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_refuse_completed ON outbox_messages`);
    }
  });

  it("nothing is written when no webhook is configured", async () => {
    const url = process.env.WEBHOOK_URL;
    delete process.env.WEBHOOK_URL;
    try {
      const slot = await paySlotOn(nextDate());
      expect(slot.status).toBe("COMPLETED");
      expect(await db().outboxMessage.count({ where: { slotId: slot.id } })).toBe(0);
    } finally {
      process.env.WEBHOOK_URL = url;
    }
  });
});

describe("GET /api/admin/webhook-deliveries", () => {
  it("shows admins and viewers each message and where its delivery stands; bad filters are 400", async () => {
    await retireAllMembers();
    const viewer = await signInAs(await createConsoleUser({ role: "VIEWER" }));
    const response = await callRoute(
      deliveriesRoute,
      apiRequest("/api/admin/webhook-deliveries?state=GIVEN_UP", { cookie: viewer.cookie }),
    );
    const body = await readJson<{ deliveries: { state: string; attempts: number; type: string; lastStatus: number }[] }>(response);
    expect(response.status).toBe(200);
    expect(body.deliveries).toEqual([expect.objectContaining({ state: "GIVEN_UP", type: "slot.completed", lastStatus: 500, attempts: 2 })]);
    const all = await readJson<{ deliveries: unknown[] }>(
      await callRoute(deliveriesRoute, apiRequest("/api/admin/webhook-deliveries?limit=200", { cookie: viewer.cookie })),
    );
    expect(all.deliveries.length).toBe(await db().outboxMessage.count());
    await expectError(
      await callRoute(deliveriesRoute, apiRequest("/api/admin/webhook-deliveries?state=LOST", { cookie: viewer.cookie })),
      400,
      "VALIDATION",
    );
    await expectError(
      await callRoute(deliveriesRoute, apiRequest("/api/admin/webhook-deliveries?limit=0", { cookie: viewer.cookie })),
      400,
      "VALIDATION",
    );
    await expectError(await callRoute(deliveriesRoute, apiRequest("/api/admin/webhook-deliveries")), 401, "UNAUTHENTICATED");
  });
});
