import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { runSlot, wakeLeadMs } from "@/inngest/functions/run-slot";
import { safetyNetTick } from "@/inngest/functions/safety-net-tick";
import { db } from "@/lib/db/client";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { findDay } from "@/lib/distribution/day-store";
import { createConsoleUser } from "../../factories/users";

process.env.SLOTPAY_LOG = "silent";

const today = () => new Date().toISOString().slice(0, 10);

async function queueSlots(slots: { slotNumber: number; scheduledFor: Date }[]) {
  const admin = await createConsoleUser();
  await queueDistribution({
    actor: { id: admin.id, email: admin.email },
    request: {
      premiumPoolAmount: "10",
      performancePoolAmount: "0",
      description: "inngest",
      multiSlotEnabled: true,
      slots: slots.map((s) => ({ slotNumber: s.slotNumber, rosPercentage: "1", scheduledFor: s.scheduledFor.toISOString() })),
    },
  });
  const day = await findDay(db(), today());
  return day!;
}

// The sleep is Inngest's to keep; the test engine resolves it at once when mocked.
const wokenUp = [{ id: "wait-for-slot-time", handler: () => undefined }];

function scheduledEvent(dayId: number, slotNumber: number, scheduledFor: Date) {
  return { name: "distribution/slot.scheduled", data: { dayId, slotNumber, scheduledFor: scheduledFor.toISOString() } };
}

describe("run-distribution-slot", () => {
  beforeAll(async () => {
    const member = await db().user.create({ data: { email: "inngest-member@slotpay.test", performanceScore: 0 } });
    await db().stake.create({ data: { userId: member.id, principal: "2000", startedAt: new Date(Date.now() - 86_400_000) } });
  });

  it("sleeps until the slot's time, then claims, distributes and finalizes in that order", async () => {
    const at = new Date(Date.now() - 1000);
    const day = await queueSlots([{ slotNumber: 1, scheduledFor: at }]);
    const engine = new InngestTestEngine({ function: runSlot, events: [scheduledEvent(day.id, 1, at)], steps: wokenUp });
    const { result, ctx } = await engine.execute();

    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-for-slot-time", new Date(at.getTime() - wakeLeadMs));
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map(([id]) => id);
    expect(stepIds).toEqual(["claim", "distribute", "finalize"]);
    expect(result).toMatchObject({ status: "COMPLETED", slotNumber: 1, dayId: day.id });

    const slot = await db().slot.findFirstOrThrow({ where: { dayId: day.id, slotNumber: 1 } });
    expect(slot.status).toBe("COMPLETED");
    expect(slot.executionDetails).toMatchObject({ rosStats: { processedStakes: 1, totalDistributed: 20 } });
    expect(await db().ledgerEntry.count({ where: { slotId: slot.id, kind: "ROS" } })).toBe(1);
  });

  it("is cancelled by a change of its slot to another time, and runs one slot of a day at a time", () => {
    expect(runSlot.opts.cancelOn).toEqual([
      {
        event: expect.objectContaining({ name: "distribution/slot.changed" }),
        if: "async.data.dayId == event.data.dayId && async.data.slotNumber == event.data.slotNumber && async.data.scheduledFor != event.data.scheduledFor",
      },
    ]);
    expect(runSlot.opts.concurrency).toEqual({ key: "event.data.dayId", limit: 1 });
  });

  it("marks its slot FAILED when the run fails for good, only if its lease still holds it", async () => {
    const day = await db().day.findFirstOrThrow({ where: { description: "inngest" } });
    const slot = await db().slot.create({
      data: {
        dayId: day.id,
        slotNumber: 3,
        rosPercentage: "1",
        scheduledFor: new Date(),
        status: "EXECUTING",
        leaseOwner: "inngest:run-1",
        leaseExpiresAt: new Date(Date.now() + 60_000),
      },
    });
    const onFailure = runSlot.opts.onFailure as unknown as (ctx: unknown) => Promise<unknown>;
    // The failure handler is a run of its own: the failed run is named in the event's run_id.
    const failure = (runId: string) => ({
      runId: "run-of-the-failure-handler",
      event: {
        name: "inngest/function.failed",
        data: { error: { message: "step distribute failed 4 times" }, event: scheduledEvent(day.id, 3, slot.scheduledFor), run_id: runId },
      },
    });
    await onFailure(failure("run-other"));
    expect((await db().slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe("EXECUTING");
    await onFailure(failure("run-1"));
    const failed = await db().slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.executionDetails).toMatchObject({ error: "step distribute failed 4 times" });
    expect(await db().ledgerEntry.count({ where: { slotId: slot.id } })).toBe(0);
  });
});

describe("distribution-safety-net-tick", () => {
  it("runs a due slot that no per-slot run took", async () => {
    const day = await db().day.findFirstOrThrow({ where: { description: "inngest" } });
    const slot = await db().slot.create({
      data: { dayId: day.id, slotNumber: 4, rosPercentage: "1", scheduledFor: new Date(Date.now() - 500) },
    });
    await db().slot.updateMany({
      where: { dayId: day.id, status: { in: ["PENDING", "EXECUTING"] }, id: { not: slot.id } },
      data: { status: "FAILED" },
    });
    const { result } = await new InngestTestEngine({ function: safetyNetTick }).execute();
    expect(result).toMatchObject({ executed: 1 });
    expect((await db().slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe("COMPLETED");
  });
});
