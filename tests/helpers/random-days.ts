import fc from "fast-check";
import { Prisma } from "@/lib/db/generated/client";
import type { DayState, PlanContext, SlotState } from "@/lib/distribution/day-state";
import { toDayState, type DayRow } from "@/lib/distribution/day-store";
import { planAddSlots } from "@/lib/distribution/plan-add-slots";
import { planModify } from "@/lib/distribution/plan-modify";
import { planQueue } from "@/lib/distribution/plan-queue";
import { planRetry } from "@/lib/distribution/plan-retry";
import { addSlotsBody, modifyBody, queueBody } from "@/lib/distribution/schemas";
import { deriveDayStatus, type SlotStatus } from "@/lib/distribution/slot-status";
import { assertTransition } from "@/lib/distribution/slot-transitions";

// Random days: admin plans (queue, modify, add-slots, retry) interleaved with what executors do
// (claim, complete, fail, reap, miss), each state stored and read back as the database would.

export const today = "2026-02-13";
export const now = new Date(`${today}T12:00:00.000Z`);
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
export const context: PlanContext = {
  settings: {
    timeZone: "UTC",
    slotTimes: Object.fromEntries(Array.from({ length: 48 }, (_, i) => [String(i + 1), hhmm((i + 1) * 29)])),
    maxSlotsPerDay: 48,
    maxRosPercentage: "10",
    // Low enough that random days hit both caps.
    maxDailyRosPercentage: "20",
    maxPoolAmount: "1000",
  },
  today,
  now,
};

export type RawSlot = { slotNumber: number; rosPercentage: number; time?: string; scheduledFor?: string };

export const rawSlot: fc.Arbitrary<RawSlot> = fc
  .record({
    slotNumber: fc.integer({ min: 1, max: 8 }),
    rosPercentage: fc.oneof({ arbitrary: fc.constantFrom(0.5, 1, 2.5, 3.25, 10), weight: 9 }, { arbitrary: fc.constant(12), weight: 1 }),
    when: fc.oneof(
      { arbitrary: fc.constant("settings" as const), weight: 4 },
      { arbitrary: fc.constant("time" as const), weight: 2 },
      { arbitrary: fc.constant("today" as const), weight: 2 },
      { arbitrary: fc.constant("yesterday" as const), weight: 1 },
    ),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  })
  .map(({ slotNumber, rosPercentage, when, minute }) => ({
    slotNumber,
    rosPercentage,
    ...(when === "time" ? { time: hhmm(minute) } : {}),
    ...(when === "today" ? { scheduledFor: `${today}T${hhmm(minute)}:00.000Z` } : {}),
    ...(when === "yesterday" ? { scheduledFor: `2026-02-12T${hhmm(minute)}:00.000Z` } : {}),
  }));

export const rawSlots = fc.uniqueArray(rawSlot, { selector: (slot) => slot.slotNumber, minLength: 1, maxLength: 4 });
export const pool = fc.option(fc.constantFrom(0, 100, 250.5, 1000, 5000), { nil: undefined });

export type Op =
  | { kind: "queue" | "modify"; slots: RawSlot[]; premium?: number; performance?: number }
  | { kind: "add"; slots: RawSlot[] }
  | { kind: "retry"; slotNumber: number; scheduledFor?: string }
  | { kind: "claim" | "miss"; pick: number }
  | { kind: "finish"; outcome: "COMPLETED" | "FAILED" }
  | { kind: "reap" };

export const queueOp = fc.record({ kind: fc.constant("queue" as const), slots: rawSlots, premium: pool, performance: pool });
export const op: fc.Arbitrary<Op> = fc.oneof(
  queueOp,
  fc.record({ kind: fc.constant("modify" as const), slots: rawSlots, premium: pool, performance: pool }),
  fc.record({ kind: fc.constant("add" as const), slots: rawSlots }),
  fc.record({
    kind: fc.constant("retry" as const),
    slotNumber: fc.integer({ min: 1, max: 8 }),
    scheduledFor: fc.constantFrom(undefined, `${today}T21:00:00.000Z`, "2026-02-14T01:00:00.000Z"),
  }),
  fc.record({ kind: fc.constant("claim" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("claim" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("finish" as const), outcome: fc.constantFrom("COMPLETED" as const, "FAILED" as const) }),
  fc.record({ kind: fc.constant("finish" as const), outcome: fc.constant("COMPLETED" as const) }),
  fc.record({ kind: fc.constant("reap" as const) }),
  fc.record({ kind: fc.constant("miss" as const), pick: fc.nat() }),
);
export const day = fc.tuple(queueOp, fc.array(op, { maxLength: 11 })).map(([first, rest]) => [first, ...rest]);

/** The state as saveDayPlan stores it and toDayState reads it back. */
export function storedAndReadBack(state: DayState): DayState {
  const at = new Date(`${today}T07:00:00.000Z`);
  const row: DayRow = {
    id: 1,
    date: new Date(`${today}T00:00:00.000Z`),
    premiumPoolAmount: new Prisma.Decimal(state.premiumPoolAmount),
    performancePoolAmount: new Prisma.Decimal(state.performancePoolAmount),
    premiumPoolPaid: new Prisma.Decimal(state.premiumPoolPaid),
    performancePoolPaid: new Prisma.Decimal(state.performancePoolPaid),
    description: state.description,
    multiSlotEnabled: state.multiSlotEnabled,
    status: deriveDayStatus(state.slots.map((slot) => slot.status)),
    queuedAt: at,
    queuedById: null,
    legacyId: null,
    version: 1,
    updatedAt: at,
    slots: state.slots.map((slot, index) => ({
      id: index + 1,
      dayId: 1,
      slotNumber: slot.slotNumber,
      rosPercentage: new Prisma.Decimal(slot.rosPercentage),
      scheduledFor: slot.scheduledFor,
      status: slot.status,
      attempts: slot.attempts,
      leaseOwner: null,
      leaseExpiresAt: null,
      executionDetails: (slot.executionDetails ?? null) as Prisma.JsonValue,
      attemptHistory: [],
      attemptStartedAt: null,
      createdAt: at,
      updatedAt: at,
    })),
  };
  return toDayState(row);
}

/** What an executor does to a day; null when the move does not apply to this state. */
export function execute(state: DayState, move: Op, step: number): DayState | null {
  const executing = state.slots.find((slot) => slot.status === "EXECUTING");
  const pending = state.slots.filter((slot) => slot.status === "PENDING");
  const change = (target: SlotState, to: SlotStatus, extra: Partial<SlotState> = {}): DayState => {
    assertTransition(target.status, to);
    return { ...state, slots: state.slots.map((slot) => (slot === target ? { ...slot, status: to, ...extra } : slot)) };
  };
  switch (move.kind) {
    case "claim": // slots of one day never execute concurrently
      if (executing || pending.length === 0) return null;
      return change(pending[move.pick % pending.length], "EXECUTING", { attempts: pending[move.pick % pending.length].attempts + 1 });
    case "finish": {
      if (!executing) return null;
      const executedAt = new Date(now.getTime() + step * 1000).toISOString();
      if (move.outcome === "FAILED") return change(executing, "FAILED", { executionDetails: { executedAt, error: "payout rolled back" } });
      const done = change(executing, "COMPLETED", {
        executionDetails: { executedAt, rosStats: { processedStakes: step, totalDistributed: step * 1.5 } },
      });
      return { ...done, premiumPoolPaid: state.premiumPoolAmount, performancePoolPaid: state.performancePoolAmount };
    }
    case "reap":
      return executing ? change(executing, "PENDING") : null;
    case "miss":
      if (pending.length === 0) return null;
      return change(pending[move.pick % pending.length], "FAILED", { executionDetails: { error: "missed its window" } });
    default:
      return null;
  }
}

export function plan(state: DayState | null, move: Op): () => DayState {
  switch (move.kind) {
    case "queue": {
      const request = queueBody.parse({
        premiumPoolAmount: move.premium,
        performancePoolAmount: move.performance,
        multiSlot: true,
        distributionSlots: move.slots,
      });
      return () => planQueue(state, request, context);
    }
    case "modify": {
      const request = modifyBody.parse({
        premiumPoolAmount: move.premium,
        performancePoolAmount: move.performance,
        distributionSlots: move.slots,
      });
      return () => planModify(state, request, context);
    }
    case "add": {
      const request = addSlotsBody.parse({ additionalSlots: move.slots });
      return () => planAddSlots(state, request, context);
    }
    case "retry":
      return () => planRetry(state, { slotNumber: move.slotNumber, scheduledFor: move.scheduledFor }, context);
    default:
      throw new Error(`${move.kind} is not a plan`);
  }
}
