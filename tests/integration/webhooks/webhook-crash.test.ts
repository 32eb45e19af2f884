import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { expectLedgerOk, noonSlot, queueDay, setSettings, setUpExecution, slotOf } from "../../helpers/execution-data";
import { waitFor } from "../../helpers/slow-payouts";
import { startWebhookReceiver, type WebhookReceiver } from "../../helpers/webhook-receiver";
import { ensureNextBuild, startAppServer, type AppServer } from "../../support/app-server";

process.env.SLOTPAY_LOG = "silent";

// A crash between the slot's commit and its webhook's delivery delays the message, never loses
// it: a real `next start` pays a slot with its embedded scheduler and POSTs slot.completed to a
// receiver that holds the request; the server's process group is SIGKILLed while it waits. A new
// server on the same database delivers the same message (same webhook-id) once the dead
// attempt's claim has run out.

const secret = "a-plain-text-webhook-secret";
const date = "2026-11-20"; // in the past: due at once for a scheduler on the real clock
let receiver: WebhookReceiver;
const servers: AppServer[] = [];

async function startServer(): Promise<AppServer> {
  const server = await startAppServer({
    port: Number(process.env.E2E_PORT ?? 3100) + 3,
    databaseUrl: process.env.DATABASE_URL ?? "",
    env: { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: secret, WEBHOOK_TIMEOUT_MS: "3000", SLOTPAY_LOG: "silent" },
  });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  await ensureNextBuild();
  receiver = await startWebhookReceiver(2);
}, 600_000);

afterAll(async () => {
  for (const server of servers) await server.stop();
  await receiver?.close();
});

describe("a server killed after the slot commits and before its webhook is delivered", () => {
  it("delivers the message after a restart, once, with the same webhook-id", async () => {
    receiver.setAnswer((_id, nth) => (nth === 1 ? "hang" : 200));
    const { actor } = await setUpExecution({ stakesStartedAt: "2026-11-01T00:00:00Z", members: [{ score: "90", principals: ["1500"] }] });
    await setSettings({ maxLatenessSeconds: 60 * 86_400 }); // the slot of a past day is still payable
    const first = await startServer();
    await queueDay({
      actor,
      date,
      premium: "4",
      performance: "1",
      slots: noonSlot(date, "2"),
    });

    const [held] = await receiver.waitForRequests(1, 60_000);
    first.signal("SIGKILL");
    await first.exited;
    const slot = await slotOf(date, 1);
    expect(slot.status).toBe("COMPLETED");
    const [pending] = await db().outboxMessage.findMany({ where: { slotId: slot.id } });
    expect(pending).toMatchObject({ id: held.headers["webhook-id"], attempts: 1, deliveredAt: null, givenUpAt: null });

    await startServer();
    const delivered = await waitFor(
      "the message delivered by the restarted server",
      async () => (await db().outboxMessage.findFirst({ where: { slotId: slot.id, deliveredAt: { not: null } } })) ?? null,
      60_000,
    );
    expect(delivered).toMatchObject({ id: pending.id, attempts: 2, lastStatus: 200 });
    expect(receiver.received).toHaveLength(2);
    const [, again] = receiver.received;
    expect(again.headers["webhook-id"]).toBe(pending.id);
    expect(again.body).toBe(held.body);
    const signature = { secret, id: pending.id, body: again.body, timestamp: Number(again.headers["webhook-timestamp"]) };
    expect(verifyWebhookSignature({ ...signature, header: String(again.headers["webhook-signature"]) })).toBe(true);
    expect(JSON.parse(again.body)).toMatchObject({
      type: "slot.completed",
      data: { day: { date }, totals: { stakesPaid: 1, totalRos: "30" } },
    });
    await expectLedgerOk();
  });
});
