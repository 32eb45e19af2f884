import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import type { DayState, PlanContext, SlotState } from "@/lib/distribution/day-state";
import { toDayState, type DayRow } from "@/lib/distribution/day-store";
import { planAddSlots } from "@/lib/distribution/plan-add-slots";
import { planModify } from "@/lib/distribution/plan-modify";
import { planQueue } from "@/lib/distribution/plan-queue";
import { planRetry } from "@/lib/distribution/plan-retry";
import { addSlotsBody, modifyBody, queueBody } from "@/lib/distribution/schemas";
import { countByStatus, deriveDayStatus, slotStatuses, type SlotStatus } from "@/lib/distribution/slot-status";
import { assertTransition } from "@/lib/distribution/slot-transitions";
import { calendarDateIn } from "@/lib/distribution/time-zone";
import { toUnits } from "@/lib/distribution/money";
import { AppError } from "@/lib/errors/app-error";

// Random days: admin plans (queue, modify, add-slots, retry) interleaved with what executors do
// (claim, complete, fail, reap, miss), each state stored and read back as the database would.

const today = "2026-02-13";
const now = new Date(`${today}T12:00:00.000Z`);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const context: PlanContext = {
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

type RawSlot = { slotNumber: number; rosPercentage: number; time?: string; scheduledFor?: string };

const rawSlot: fc.Arbitrary<RawSlot> = fc
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

const rawSlots = fc.uniqueArray(rawSlot, { selector: (slot) => slot.slotNumber, minLength: 1, maxLength: 4 });
const pool = fc.option(fc.constantFrom(0, 100, 250.5, 1000, 5000), { nil: undefined });

type Op =
  | { kind: "queue" | "modify"; slots: RawSlot[]; premium?: number; performance?: number }
  | { kind: "add"; slots: RawSlot[] }
  | { kind: "retry"; slotNumber: number; scheduledFor?: string }
  | { kind: "claim" | "miss"; pick: number }
  | { kind: "finish"; outcome: "COMPLETED" | "FAILED" }
  | { kind: "reap" };

const queueOp = fc.record({ kind: fc.constant("queue" as const), slots: rawSlots, premium: pool, performance: pool });
const op: fc.Arbitrary<Op> = fc.oneof(
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
const day = fc.tuple(queueOp, fc.array(op, { maxLength: 11 })).map(([first, rest]) => [first, ...rest]);

/** The state as saveDayPlan stores it and toDayState reads it back. */
function storedAndReadBack(state: DayState): DayState {
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
function execute(state: DayState, move: Op, step: number): DayState | null {
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

function plan(state: DayState | null, move: Op): () => DayState {
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

const byNumber = (state: DayState | null) => new Map((state?.slots ?? []).map((slot) => [slot.slotNumber, slot]));
const numbersOf = (slots: { slotNumber: number }[]) => slots.map((slot) => slot.slotNumber);

function expectInvariants(state: DayState, completed: Map<number, SlotState>) {
  const numbers = numbersOf(state.slots);
  expect(new Set(numbers).size, `unique slot numbers ${numbers}`).toBe(numbers.length);
  expect(numbers, "slots in slot-number order").toEqual([...numbers].sort((a, b) => a - b));
  for (const slot of state.slots) expect(slotStatuses).toContain(slot.status);

  // The derived status against seed 000's rule, stated from the counts.
  const counts = countByStatus(state.slots.map((slot) => slot.status));
  const expected: SlotStatus =
    counts.EXECUTING > 0 ? "EXECUTING" : counts.PENDING > 0 ? "PENDING" : counts.FAILED === 0 ? "COMPLETED" : "FAILED";
  expect(deriveDayStatus(state.slots.map((slot) => slot.status))).toBe(expected);

  // COMPLETED is terminal and immutable: every slot that ever completed is still there, unchanged.
  for (const [slotNumber, snapshot] of completed) expect(byNumber(state).get(slotNumber), `completed slot ${slotNumber}`).toEqual(snapshot);
  for (const slot of state.slots)
    if (slot.status === "COMPLETED" && !completed.has(slot.slotNumber)) completed.set(slot.slotNumber, structuredClone(slot));
}

/** What each admin plan promises about the day before and after it. */
function expectPlanEffect(move: Op, before: DayState | null, after: DayState) {
  const old = byNumber(before);
  const next = byNumber(after);
  for (const slot of after.slots) {
    if (slot.status !== "PENDING") continue;
    expect(slot.executionDetails).toBeNull();
    expect(calendarDateIn(slot.scheduledFor, context.settings.timeZone)).toBe(today);
  }
  if (move.kind === "retry") {
    expect(next.get(move.slotNumber)).toMatchObject({
      status: "PENDING",
      scheduledFor: move.scheduledFor ? new Date(move.scheduledFor) : now,
    });
    expect(after.slots.filter((slot) => slot.slotNumber !== move.slotNumber)).toEqual(
      before?.slots.filter((slot) => slot.slotNumber !== move.slotNumber),
    );
    expect(deriveDayStatus(after.slots.map((slot) => slot.status))).toBe("PENDING");
    return;
  }
  // Within the caps: pools asked for are at most maxPoolAmount; the day's ROS only rises up to its cap.
  const rosOf = (state: DayState | null) => (state?.slots ?? []).reduce((total, slot) => total + toUnits(slot.rosPercentage), 0n);
  const { maxDailyRosPercentage, maxPoolAmount } = context.settings;
  if (rosOf(after) > toUnits(maxDailyRosPercentage))
    expect(rosOf(after) <= rosOf(before), "ROS above the cap only when it did not rise").toBe(true);
  if ("premium" in move && move.premium !== undefined) expect(move.premium).toBeLessThanOrEqual(Number(maxPoolAmount));
  if ("performance" in move && move.performance !== undefined) expect(move.performance).toBeLessThanOrEqual(Number(maxPoolAmount));
  // queue, modify and add-slots never touch a slot that is not PENDING.
  for (const slot of before?.slots ?? []) if (slot.status !== "PENDING") expect(next.get(slot.slotNumber)).toEqual(slot);
  if (!("slots" in move)) return;
  const asked = new Set(numbersOf(move.slots));
  if (move.kind === "queue") {
    for (const n of [...old.keys(), ...asked]) expect(next.has(n), `slot ${n} after queue`).toBe(true);
  }
  if (move.kind === "modify") {
    for (const slot of after.slots)
      if (slot.status === "PENDING") expect(asked.has(slot.slotNumber), `PENDING slot ${slot.slotNumber} not in the body`).toBe(true);
  }
  if (move.kind === "add") {
    expect(after.slots).toHaveLength((before?.slots.length ?? 0) + move.slots.length);
    for (const n of asked) expect(next.get(n)?.status).toBe("PENDING");
  }
}

describe("plans and executions on random days", () => {
  it("keep COMPLETED slots, unique numbers and the derived status; refusals change nothing", () => {
    fc.assert(
      fc.property(day, (moves) => {
        let state: DayState | null = null;
        const completed = new Map<number, SlotState>();
        moves.forEach((move, step) => {
          if (move.kind === "claim" || move.kind === "finish" || move.kind === "reap" || move.kind === "miss") {
            const next = state && execute(state, move, step);
            if (next) state = storedAndReadBack(next);
          } else {
            const run = plan(state, move);
            const before = structuredClone(state);
            const wasExecuting = Boolean(state?.slots.some((slot) => slot.status === "EXECUTING"));
            let next: DayState;
            try {
              next = run();
            } catch (error) {
              expect(error, String(error)).toBeInstanceOf(AppError);
              if (wasExecuting) expect((error as AppError).code).toBe("SLOTS_EXECUTING");
              expect(state, "a refused plan leaves its input as it was").toEqual(before);
              if (state) expectInvariants(state, completed);
              return;
            }
            expect(wasExecuting, `${move.kind} succeeded while a slot was EXECUTING`).toBe(false);
            expect(state, "a plan never changes its input").toEqual(before);
            expectPlanEffect(move, before, next);
            state = storedAndReadBack(next);
          }
          if (state) expectInvariants(state, completed);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("never let a plan succeed while a slot is EXECUTING", () => {
    fc.assert(
      fc.property(day, fc.nat(), (moves, pick) => {
        const first = moves[0];
        if (first.kind !== "queue") return;
        const queued = plan(null, first);
        let state: DayState;
        try {
          state = queued();
        } catch {
          return;
        }
        const target = state.slots[pick % state.slots.length];
        state = { ...state, slots: state.slots.map((slot) => (slot === target ? { ...slot, status: "EXECUTING" as const } : slot)) };
        for (const move of moves.slice(1)) {
          if (move.kind !== "queue" && move.kind !== "modify" && move.kind !== "add" && move.kind !== "retry") continue;
          const run = plan(state, move);
          expect(run).toThrow(AppError);
          try {
            run();
          } catch (error) {
            expect(error).toMatchObject({ code: "SLOTS_EXECUTING", message: "Cannot modify distribution while slots are executing" });
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
