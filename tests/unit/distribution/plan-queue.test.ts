import { describe, expect, it } from "vitest";
import { httpStatusOf } from "@/lib/http/error-status";
import { Prisma } from "@/lib/db/generated/client";
import { toDayState, type DayRow } from "@/lib/distribution/day-store";
import { planQueue } from "@/lib/distribution/plan-queue";
import { queueBody } from "@/lib/distribution/schemas";
import { contextFor, dayWith, expectAppError, slot } from "../../helpers/plan-fixtures";

const context = contextFor({ slotTimes: { "1": "08:00", "2": "10:00", "3": "14:00", "4": "18:00" } });
const queue = (body: unknown) => queueBody.parse(body);

describe("planQueue with no day yet: create", () => {
  it("creates PENDING slots with no execution details, times from the settings, sorted by number", () => {
    const day = planQueue(
      null,
      queue({
        premiumPoolAmount: 5000,
        performancePoolAmount: 3000,
        description: "Morning distributions",
        multiSlot: true,
        distributionSlots: [
          { slotNumber: 3, rosPercentage: 2 },
          { slotNumber: 1, rosPercentage: 2.5 },
          { slotNumber: 2, rosPercentage: 3 },
        ],
      }),
      context,
    );
    expect(day).toEqual({
      premiumPoolAmount: "5000",
      performancePoolAmount: "3000",
      premiumPoolPaid: "0",
      performancePoolPaid: "0",
      description: "Morning distributions",
      multiSlotEnabled: true,
      slots: [
        {
          slotNumber: 1,
          rosPercentage: "2.5",
          scheduledFor: new Date("2026-02-13T08:00:00Z"),
          status: "PENDING",
          attempts: 0,
          executionDetails: null,
        },
        {
          slotNumber: 2,
          rosPercentage: "3",
          scheduledFor: new Date("2026-02-13T10:00:00Z"),
          status: "PENDING",
          attempts: 0,
          executionDetails: null,
        },
        {
          slotNumber: 3,
          rosPercentage: "2",
          scheduledFor: new Date("2026-02-13T14:00:00Z"),
          status: "PENDING",
          attempts: 0,
          executionDetails: null,
        },
      ],
    });
  });

  it("defaults pools to 0 and description to empty; single-slot is slot 1", () => {
    const day = planQueue(null, queue({ multiSlot: false, rosPercentage: 1.5, time: "09:30" }), context);
    expect(day).toMatchObject({ premiumPoolAmount: "0", performancePoolAmount: "0", description: "", multiSlotEnabled: false });
    expect(day.slots).toEqual([
      expect.objectContaining({ slotNumber: 1, rosPercentage: "1.5", scheduledFor: new Date("2026-02-13T09:30:00Z") }),
    ]);
  });

  it("refuses a rosPercentage above the settings maximum, and accepts it at the maximum", () => {
    expectAppError(
      () => planQueue(null, queue({ distributionSlots: [{ slotNumber: 1, rosPercentage: 10.00000001 }] }), context),
      "VALIDATION",
      /above the maximum of 10/,
    );
    expect(planQueue(null, queue({ distributionSlots: [{ slotNumber: 1, rosPercentage: 10 }] }), context).slots[0].rosPercentage).toBe(
      "10",
    );
  });

  it("refuses slot numbers above maxSlotsPerDay", () => {
    const small = contextFor({ maxSlotsPerDay: 4, slotTimes: context.settings.slotTimes });
    expectAppError(
      () => planQueue(null, queue({ distributionSlots: [{ slotNumber: 5, rosPercentage: 1, time: "12:00" }] }), small),
      "VALIDATION",
      "slotNumber 5 is above maxSlotsPerDay (4)",
    );
  });

  it("refuses a slot with no time, and a time that is not today", () => {
    expectAppError(
      () => planQueue(null, queue({ distributionSlots: [{ slotNumber: 9, rosPercentage: 1 }] }), context),
      "VALIDATION",
      /Slot 9 has no time/,
    );
    expectAppError(
      () =>
        planQueue(null, queue({ distributionSlots: [{ slotNumber: 1, rosPercentage: 1, scheduledFor: "2026-02-14T08:00:00Z" }] }), context),
      "VALIDATION",
    );
  });
});

describe("planQueue with a day: seed 001's merge", () => {
  const existing = dayWith([slot(1, "COMPLETED"), slot(2, "FAILED"), slot(3, "PENDING"), slot(5, "PENDING")]);

  it("adds new numbers, updates PENDING ones, leaves COMPLETED/FAILED ones and keeps those not in the body", () => {
    const body = queue({
      multiSlotEnabled: true,
      distributionSlots: [
        { slotNumber: 1, rosPercentage: 9, time: "23:00" },
        { slotNumber: 2, rosPercentage: 9, time: "23:00" },
        { slotNumber: 3, rosPercentage: 4 },
        { slotNumber: 4, rosPercentage: 1 },
      ],
    });
    const next = planQueue(existing, body, context);
    expect(next.slots.map((s) => s.slotNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(next.slots[0]).toBe(existing.slots[0]);
    expect(next.slots[1]).toBe(existing.slots[1]);
    expect(next.slots[2]).toEqual({ ...existing.slots[2], rosPercentage: "4" }); // keeps its time
    expect(next.slots[3]).toEqual({
      slotNumber: 4,
      rosPercentage: "1",
      scheduledFor: new Date("2026-02-13T18:00:00Z"),
      status: "PENDING",
      attempts: 0,
      executionDetails: null,
    });
    expect(next.slots[4]).toBe(existing.slots[3]);
    expect(next.description).toBe(existing.description);
  });

  it("queues again after every slot completed (the 409 of seed 001 is gone)", () => {
    const done = dayWith([slot(1, "COMPLETED"), slot(2, "COMPLETED")]);
    const next = planQueue(
      done,
      queue({ multiSlotEnabled: true, distributionSlots: [1, 2, 3, 4].map((n) => ({ slotNumber: n, rosPercentage: 1 })) }),
      context,
    );
    expect(next.slots.map((s) => [s.slotNumber, s.status])).toEqual([
      [1, "COMPLETED"],
      [2, "COMPLETED"],
      [3, "PENDING"],
      [4, "PENDING"],
    ]);
    expect(next.slots.slice(0, 2)).toEqual(done.slots);
  });

  it("refuses with 409 and the seed's exact message while a slot is EXECUTING", () => {
    const running = dayWith([slot(1, "COMPLETED"), slot(2, "EXECUTING")]);
    const error = expectAppError(
      () => planQueue(running, queue({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }), context),
      "SLOTS_EXECUTING",
      "Cannot modify distribution while slots are executing",
    );
    expect(httpStatusOf(error)).toBe(409);
  });

  it("refuses to lower a pool below what was paid (409), and allows lowering to it or raising", () => {
    const paid = dayWith([slot(1, "COMPLETED"), slot(2)], { premiumPoolPaid: "5000", performancePoolPaid: "3000" });
    const slots = [{ slotNumber: 2, rosPercentage: 1 }];
    const error = expectAppError(
      () => planQueue(paid, queue({ premiumPoolAmount: 4999.99999999, distributionSlots: slots }), context),
      "POOL_ALREADY_PAID",
    );
    expect(httpStatusOf(error)).toBe(409);
    expectAppError(() => planQueue(paid, queue({ performancePoolAmount: 0, distributionSlots: slots }), context), "POOL_ALREADY_PAID");
    expect(planQueue(paid, queue({ premiumPoolAmount: 5000, distributionSlots: slots }), context).premiumPoolAmount).toBe("5000");
    expect(planQueue(paid, queue({ premiumPoolAmount: 7500.5, distributionSlots: slots }), context).premiumPoolAmount).toBe("7500.5");
  });

  it("keeps the day's pools when the body has none (seed 001's body)", () => {
    const next = planQueue(existing, queue({ distributionSlots: [{ slotNumber: 4, rosPercentage: 1 }] }), context);
    expect(next).toMatchObject({ premiumPoolAmount: "5000", performancePoolAmount: "3000" });
  });

  it("refuses a merge that would pass maxSlotsPerDay", () => {
    const small = contextFor({ maxSlotsPerDay: 2, slotTimes: context.settings.slotTimes });
    expectAppError(
      () => planQueue(dayWith([slot(1, "COMPLETED"), slot(2)]), queue({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1 }] }), small),
      "VALIDATION",
    );
  });

  it("does not change the day it was given", () => {
    const before = structuredClone(existing);
    planQueue(
      existing,
      queue({
        premiumPoolAmount: 9000,
        distributionSlots: [
          { slotNumber: 3, rosPercentage: 7 },
          { slotNumber: 4, rosPercentage: 1 },
        ],
      }),
      context,
    );
    expect(existing).toEqual(before);
  });
});

describe("planQueue on a day read back from the database", () => {
  // toDayState turns numeric columns into strings; the plans compare them exactly.
  const row = (amounts: { premium: string; paid: string }): DayRow => ({
    id: 1,
    date: new Date("2026-02-13T00:00:00Z"),
    premiumPoolAmount: new Prisma.Decimal(amounts.premium),
    performancePoolAmount: new Prisma.Decimal("3000"),
    premiumPoolPaid: new Prisma.Decimal(amounts.paid),
    performancePoolPaid: new Prisma.Decimal("0"),
    description: "",
    multiSlotEnabled: true,
    status: "PENDING",
    queuedAt: new Date("2026-02-13T07:00:00Z"),
    queuedById: null,
    legacyId: null,
    version: 1,
    updatedAt: new Date("2026-02-13T07:00:00Z"),
    slots: [
      {
        id: 1,
        dayId: 1,
        slotNumber: 1,
        rosPercentage: new Prisma.Decimal("0.00000050"),
        scheduledFor: new Date("2026-02-13T08:00:00Z"),
        status: "PENDING",
        attempts: 0,
        leaseOwner: null,
        leaseExpiresAt: null,
        executionDetails: null,
        attemptHistory: [],
        attemptStartedAt: null,
        createdAt: new Date("2026-02-13T07:00:00Z"),
        updatedAt: new Date("2026-02-13T07:00:00Z"),
      },
    ],
  });

  it("reads amounts as plain decimals", () => {
    const state = toDayState(row({ premium: "5000.50000000", paid: "0" }));
    expect(state.premiumPoolAmount).toBe("5000.5");
    expect(state.slots[0].rosPercentage).toMatch(/^\d+(\.\d+)?$/);
  });

  it("merges into a day whose pool (valid: 8 places) is below 0.000001", () => {
    const day = toDayState(row({ premium: "0.00000001", paid: "0.00000001" }));
    const next = planQueue(day, queue({ distributionSlots: [{ slotNumber: 2, rosPercentage: 1 }] }), context);
    expect(next.slots.map((s) => s.slotNumber)).toEqual([1, 2]);
    expect(next.premiumPoolAmount).toBe("0.00000001");
  });
});
