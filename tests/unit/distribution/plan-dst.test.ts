import { describe, expect, it } from "vitest";
import { planAddSlots } from "@/lib/distribution/plan-add-slots";
import { planQueue } from "@/lib/distribution/plan-queue";
import { planRetry } from "@/lib/distribution/plan-retry";
import { addSlotsBody, queueBody } from "@/lib/distribution/schemas";
import { contextFor, dayWith, expectAppError, slot } from "../../helpers/plan-fixtures";

// Plans on the days the clocks change, with slot times from the settings and from `time`.
const cases = [
  {
    zone: "America/New_York",
    day: "2026-03-08",
    now: "2026-03-08T16:00:00Z",
    local: "02:30",
    utc: "2026-03-08T07:30:00.000Z",
    kind: "spring forward",
  },
  {
    zone: "America/New_York",
    day: "2026-11-01",
    now: "2026-11-01T17:00:00Z",
    local: "01:30",
    utc: "2026-11-01T05:30:00.000Z",
    kind: "fall back",
  },
  {
    zone: "Europe/London",
    day: "2026-03-29",
    now: "2026-03-29T12:00:00Z",
    local: "01:30",
    utc: "2026-03-29T01:30:00.000Z",
    kind: "spring forward",
  },
  {
    zone: "Europe/London",
    day: "2026-10-25",
    now: "2026-10-25T12:00:00Z",
    local: "01:30",
    utc: "2026-10-25T00:30:00.000Z",
    kind: "fall back",
  },
];

describe.each(cases)("$zone on $day ($kind): $local → $utc", ({ zone, day, now, local, utc }) => {
  const context = contextFor({ timeZone: zone, today: day, now, slotTimes: { "1": local, "2": "23:30" } });

  it("queues a slot whose settings time is the transition hour", () => {
    const next = planQueue(null, queueBody.parse({ distributionSlots: [{ slotNumber: 1, rosPercentage: 1 }] }), context);
    expect(next.slots[0].scheduledFor.toISOString()).toBe(utc);
  });

  it("queues a slot whose request `time` is the transition hour", () => {
    const next = planQueue(
      null,
      queueBody.parse({ distributionSlots: [{ slotNumber: 5, rosPercentage: 1, time: `${local}:00` }] }),
      context,
    );
    expect(next.slots[0].scheduledFor.toISOString()).toBe(utc);
  });

  it("adds a slot at the transition hour and at the end of the local day", () => {
    const done = dayWith([slot(3, "COMPLETED", { scheduledFor: new Date(now) })]);
    const next = planAddSlots(
      done,
      addSlotsBody.parse({
        additionalSlots: [
          { slotNumber: 1, rosPercentage: 1 },
          { slotNumber: 2, rosPercentage: 1 },
        ],
      }),
      context,
    );
    expect(next.slots[0].scheduledFor.toISOString()).toBe(utc);
    const lastHalfHour = next.slots[1].scheduledFor;
    expect(lastHalfHour.getTime()).toBeGreaterThan(new Date(now).getTime());
    expect(lastHalfHour.getTime()).toBeLessThan(new Date(now).getTime() + 24 * 3600_000);
  });

  it("retries at an explicit instant of that day, and refuses one an hour past the local midnight", () => {
    const failed = dayWith([slot(1, "FAILED", { scheduledFor: new Date(utc) })]);
    expect(planRetry(failed, { slotNumber: 1, scheduledFor: utc }, context).slots[0].scheduledFor.toISOString()).toBe(utc);
    const nextMidnight = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000);
    // Local midnight of the next day is at most 5 hours after UTC midnight in these zones.
    expectAppError(
      () => planRetry(failed, { slotNumber: 1, scheduledFor: new Date(nextMidnight.getTime() + 6 * 3600_000).toISOString() }, context),
      "VALIDATION",
    );
  });
});
