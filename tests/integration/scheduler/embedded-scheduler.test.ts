import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { addSlots } from "@/lib/distribution/add-slots";
import { startEmbeddedScheduler, stopEmbeddedScheduler } from "@/lib/scheduler/embedded-scheduler";
import { createConsoleUser } from "../../factories/users";

process.env.SLOTPAY_LOG = "silent";

async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const completed = (slotNumber: number) => () => db().slot.findFirst({ where: { slotNumber, status: "COMPLETED" } });

const lateness = (slot: { scheduledFor: Date; executionDetails: unknown }) =>
  Date.parse((slot.executionDetails as { executedAt: string }).executedAt) - slot.scheduledFor.getTime();

describe("embedded scheduler", () => {
  afterAll(() => stopEmbeddedScheduler());

  it("starts slots within 5 s of their time, woken by changes rather than polling", async () => {
    const member = await db().user.create({ data: { email: "scheduled-member@slotpay.test" } });
    await db().stake.create({ data: { userId: member.id, principal: "100", startedAt: new Date(Date.now() - 60_000) } });
    const admin = await createConsoleUser();
    const actor = { id: admin.id, email: admin.email };

    // Nothing is queued: the scheduler goes to sleep for its full 30 s.
    startEmbeddedScheduler();
    await new Promise((resolve) => setTimeout(resolve, 500));

    const first = new Date(Date.now() + 2_000);
    await queueDistribution({
      actor,
      request: {
        premiumPoolAmount: "0",
        performancePoolAmount: "0",
        description: "",
        multiSlotEnabled: true,
        slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: first.toISOString() }],
      },
    });
    const slot1 = await waitFor(completed(1), 10_000);
    expect(lateness(slot1)).toBeGreaterThanOrEqual(0);
    expect(lateness(slot1)).toBeLessThan(5_000);

    const second = new Date(Date.now() + 1_500);
    await addSlots({ actor, request: { additionalSlots: [{ slotNumber: 2, rosPercentage: "1", scheduledFor: second.toISOString() }] } });
    const slot2 = await waitFor(completed(2), 10_000);
    expect(lateness(slot2)).toBeGreaterThanOrEqual(0);
    expect(lateness(slot2)).toBeLessThan(5_000);
    expect(await db().ledgerEntry.count({ where: { kind: "ROS" } })).toBe(2);
  });
});
