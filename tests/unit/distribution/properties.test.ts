import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DayState, SlotState } from "@/lib/distribution/day-state";
import { countByStatus, deriveDayStatus, slotStatuses, type SlotStatus } from "@/lib/distribution/slot-status";
import { calendarDateIn } from "@/lib/distribution/time-zone";
import { toUnits } from "@/lib/distribution/money";
import { AppError } from "@/lib/errors/app-error";
import { today, now, context, type Op, day, storedAndReadBack, execute, plan } from "../../helpers/random-days";

// Properties of random days (tests/helpers/random-days.ts): what every plan and execution must keep.
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
