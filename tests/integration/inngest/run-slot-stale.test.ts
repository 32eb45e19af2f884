import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { runSlot } from "@/inngest/functions/run-slot";
import { db } from "@/lib/db/client";

process.env.SLOTPAY_LOG = "silent";

// Its own file: the test engine remembers step results between executions of one function.
const wokenUp = [{ id: "wait-for-slot-time", handler: () => undefined }];

function scheduledEvent(dayId: number, slotNumber: number, scheduledFor: Date) {
  return { name: "distribution/slot.scheduled", data: { dayId, slotNumber, scheduledFor: scheduledFor.toISOString() } };
}

describe("run-distribution-slot for a slot moved since", () => {
  it("does nothing for a run whose slot was rescheduled (a newer run owns the new time)", async () => {
    const slot = {
      dayId: (await db().day.create({ data: { date: new Date("2030-01-01"), premiumPoolAmount: "0", performancePoolAmount: "0" } })).id,
    };
    await db().slot.create({
      data: { dayId: slot.dayId, slotNumber: 2, rosPercentage: "1", scheduledFor: new Date(Date.now() + 3_600_000) },
    });
    const staleTime = new Date(Date.now() - 1000);
    const engine = new InngestTestEngine({ function: runSlot, events: [scheduledEvent(slot.dayId, 2, staleTime)], steps: wokenUp });
    const { result, ctx } = await engine.execute();
    expect(result).toMatchObject({ status: "SKIPPED" });
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map(([id]) => id);
    expect(stepIds).toEqual(["claim"]);
    expect((await db().slot.findFirstOrThrow({ where: { dayId: slot.dayId, slotNumber: 2 } })).status).toBe("PENDING");
  });
});
