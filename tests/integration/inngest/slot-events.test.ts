import { createServer } from "node:http";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { outboxDelivererIdle, stopOutboxDeliverer } from "@/lib/webhooks/outbox-deliverer";
import { tick } from "@/lib/distribution/execution/tick";
import { deliverOutbox } from "@/inngest/functions/deliver-outbox";
import { noonSlot, queueDay, setUpExecution, slotOf, type Actor } from "../../helpers/execution-data";

// Before the imports: the Inngest client reads its mode when it is created.
const port = vi.hoisted(() => {
  const inngestPort = Number(process.env.E2E_PORT ?? 3100) + 4;
  Object.assign(process.env, { INNGEST_DEV: "1", INNGEST_BASE_URL: `http://127.0.0.1:${inngestPort}` });
  return inngestPort;
});

process.env.SLOTPAY_LOG = "silent";

// With Inngest configured, a slot's end is also sent as an Inngest event (slotpay/slot.completed)
// from the outbox, after commit; the every-minute deliver-slot-messages function sends what the
// in-process deliverer could not. "Inngest" is a local receiver of the SDK's event API.

type Sent = { path: string; events: { id?: string; name: string; data: Record<string, unknown> }[] };
const sent: Sent[] = [];
let inngestUp = false;
const receiver = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
  request.on("end", () => {
    if (!inngestUp) return void response.writeHead(500, { "content-type": "application/json" }).end('{"error":"down"}');
    const events = JSON.parse(body) as Sent["events"];
    sent.push({ path: request.url ?? "", events });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
  });
});

let actor: Actor;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(port, "127.0.0.1", () => resolve()));
  ({ actor } = await setUpExecution({ stakesStartedAt: "2034-01-01T00:00:00Z", members: [{ score: "90", principals: ["1500", "20"] }] }));
});

afterAll(async () => {
  await outboxDelivererIdle();
  stopOutboxDeliverer();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_BASE_URL;
});

describe("slot events to Inngest", () => {
  it("an event the in-process deliverer could not send is sent by the deliver-slot-messages cron function", async () => {
    const date = "2034-02-01";
    await queueDay({
      actor,
      date,
      premium: "2",
      performance: "1",
      slots: noonSlot(date, "1"),
    });
    await tick({ now: new Date(`${date}T12:00:01.000Z`), maxSlots: 1 });
    await outboxDelivererIdle();
    const slot = await slotOf(date, 1);
    expect(slot.status).toBe("COMPLETED");
    const [waiting] = await db().outboxMessage.findMany({ where: { slotId: slot.id } });
    expect(waiting).toMatchObject({ target: "INNGEST", eventType: "slot.completed", attempts: 1, deliveredAt: null });
    expect(sent).toEqual([]);

    inngestUp = true;
    await db().$executeRaw`UPDATE outbox_messages SET next_attempt_at = now() WHERE slot_id = ${slot.id}`;
    const { result } = await new InngestTestEngine({ function: deliverOutbox }).execute();
    expect(result).toMatchObject({ delivered: 1, retried: 0, givenUp: 0 });
    expect(sent).toHaveLength(1);
    const [event] = sent[0].events;
    expect(event).toMatchObject({
      id: waiting.id,
      name: "slotpay/slot.completed",
      data: { day: { date }, slot: { number: 1, status: "COMPLETED" }, totals: { stakesPaid: 2, totalRos: "15.2" } },
    });
    expect(await db().outboxMessage.findFirstOrThrow({ where: { slotId: slot.id } })).toMatchObject({
      attempts: 2,
      deliveredAt: expect.any(Date),
    });
  });
});
