import { describe, expect, it } from "vitest";
import { slotEventsFor } from "@/inngest/slot-events";
import type { DayState, SlotState } from "@/lib/distribution/day-state";
import { slotScheduleDiff } from "@/lib/distribution/slot-schedule-diff";
import { emitSlotsChanged, onSlotsChanged, type SlotsChanged } from "@/lib/distribution/slots-changed";

process.env.SLOTPAY_LOG = "silent";

const at = (hour: number) => new Date(Date.UTC(2030, 0, 1, hour));
const slot = (slotNumber: number, hour: number, status: SlotState["status"] = "PENDING"): SlotState => ({
  slotNumber,
  rosPercentage: "1",
  scheduledFor: at(hour),
  status,
  attempts: 0,
  executionDetails: null,
});
const day = (...slots: SlotState[]): DayState => ({
  premiumPoolAmount: "0",
  performancePoolAmount: "0",
  premiumPoolPaid: "0",
  performancePoolPaid: "0",
  description: "",
  multiSlotEnabled: true,
  slots,
});

describe("slotScheduleDiff", () => {
  it("schedules every slot of a new day", () => {
    expect(slotScheduleDiff({ dayId: 3, before: null, after: day(slot(1, 8), slot(2, 9)) }, "c")).toEqual([
      { kind: "scheduled", dayId: 3, slotNumber: 1, scheduledFor: at(8).toISOString(), id: `slot-scheduled-3-1-${at(8).toISOString()}-c` },
      { kind: "scheduled", dayId: 3, slotNumber: 2, scheduledFor: at(9).toISOString(), id: `slot-scheduled-3-2-${at(9).toISOString()}-c` },
    ]);
  });

  it("moves a rescheduled PENDING slot, removes an omitted one, and schedules new and moved times", () => {
    const before = day(slot(1, 8, "COMPLETED"), slot(2, 10), slot(3, 12), slot(4, 14));
    const after = day(slot(1, 8, "COMPLETED"), slot(2, 10), slot(3, 13), slot(5, 16));
    expect(
      slotScheduleDiff({ dayId: 7, before, after }, "c1").map(({ kind, slotNumber, scheduledFor }) => [kind, slotNumber, scheduledFor]),
    ).toEqual([
      ["moved", 3, at(13).toISOString()],
      ["moved", 4, ""],
      ["scheduled", 3, at(13).toISOString()],
      ["scheduled", 5, at(16).toISOString()],
    ]);
  });

  it("schedules a retried slot (FAILED → PENDING) and nothing for an unchanged day", () => {
    const failed = day(slot(1, 8, "FAILED"));
    expect(slotScheduleDiff({ dayId: 1, before: failed, after: day(slot(1, 11)) }, "r")).toMatchObject([
      { kind: "scheduled", slotNumber: 1, scheduledFor: at(11).toISOString() },
    ]);
    expect(slotScheduleDiff({ dayId: 1, before: failed, after: failed }, "r")).toEqual([]);
    // A finished slot moved by nobody: no run to cancel.
    expect(slotScheduleDiff({ dayId: 1, before: day(slot(1, 8, "COMPLETED")), after: day(slot(1, 9, "COMPLETED")) }, "x")).toEqual([]);
  });
});

describe("emitSlotsChanged", () => {
  it("waits for every subscriber, and a failing one neither throws nor stops the others", async () => {
    const seen: SlotsChanged[] = [];
    const stops = [
      onSlotsChanged(() => {
        throw new Error("a broken driver");
      }),
      onSlotsChanged(async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(event);
      }),
    ];
    await expect(emitSlotsChanged({ dayId: 9 })).resolves.toBeUndefined();
    expect(seen).toEqual([{ dayId: 9 }]);
    for (const stop of stops) stop();
    await emitSlotsChanged({ dayId: 10 });
    expect(seen).toHaveLength(1);
  });
});

describe("slotEventsFor (Inngest)", () => {
  it("names each change as its typed event, with the diff's idempotent id", () => {
    const before = day(slot(1, 8, "COMPLETED"), slot(2, 10), slot(3, 12), slot(4, 14));
    const after = day(slot(1, 8, "COMPLETED"), slot(2, 10), slot(3, 13), slot(5, 16));
    const events = slotEventsFor({ dayId: 7, before, after }, "c1");
    expect(events.map((e) => [e.name, e.data, e.id])).toEqual([
      ["distribution/slot.changed", { dayId: 7, slotNumber: 3, scheduledFor: at(13).toISOString() }, "slot-changed-7-3-c1"],
      ["distribution/slot.changed", { dayId: 7, slotNumber: 4, scheduledFor: "" }, "slot-removed-7-4-c1"],
      [
        "distribution/slot.scheduled",
        { dayId: 7, slotNumber: 3, scheduledFor: at(13).toISOString() },
        `slot-scheduled-7-3-${at(13).toISOString()}-c1`,
      ],
      [
        "distribution/slot.scheduled",
        { dayId: 7, slotNumber: 5, scheduledFor: at(16).toISOString() },
        `slot-scheduled-7-5-${at(16).toISOString()}-c1`,
      ],
    ]);
    expect(slotEventsFor({ dayId: 7, before: after, after }, "c2")).toEqual([]);
  });
});
