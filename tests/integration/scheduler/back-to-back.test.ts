import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { embeddedScheduler, startEmbeddedScheduler, stopEmbeddedScheduler } from "@/lib/scheduler/embedded-scheduler";
import { completedDetails, createActor, createMember, expectLedgerOk, type Actor } from "../../helpers/execution-data";
import { parseTickOutput, spawnTick, type TickProcess } from "../../helpers/execution-processes";
import { holdPayouts, installSlowPayouts, payoutInTheMiddle, setPayoutDelay, waitFor } from "../../helpers/slow-payouts";
import { useMiddayTimeZone } from "../../helpers/today";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 16: the next due slot waited ~0.9 s after the previous one committed (a 1-s
// busy-retry sleep), so four slots due together finished seconds late. The tick now claims on
// the real clock as it goes, and a scheduler is woken when another process's slot ends
// (LISTEN/NOTIFY). Payouts are slowed on the database side (slow-payouts.ts) so each lasts long
// enough for the next slot to fall due while it runs.

// A gap is a commit, a wake-up and a claim: tens of ms on an idle machine, a few hundred on a
// loaded one. The 1-s busy retry these slots used to wait for put each gap above a second.
const backToBackMs = 800;
let actor: Actor;
let child: TickProcess | undefined;

/** Adds slots at these times to today's day, numbered from `from`; returns their numbers. */
async function queueSlotsAt(times: Date[], from: number): Promise<number[]> {
  const numbers = times.map((_, index) => from + index);
  await queueDistribution({
    actor,
    request: {
      premiumPoolAmount: "10",
      performancePoolAmount: "0",
      description: "back to back",
      multiSlotEnabled: true,
      slots: times.map((at, index) => ({ slotNumber: numbers[index], rosPercentage: "1", scheduledFor: at.toISOString() })),
    },
  });
  return numbers;
}

/** Each slot's run, in the order they ran, once all of them are COMPLETED. */
async function runsOf(numbers: number[]) {
  const slots = await waitFor(
    "every slot to complete",
    async () => {
      const done = await db().slot.findMany({
        where: { slotNumber: { in: numbers }, status: "COMPLETED" },
        orderBy: { slotNumber: "asc" },
      });
      return done.length === numbers.length ? done : null;
    },
    30_000,
  );
  return slots
    .map((slot) => ({ slotNumber: slot.slotNumber, ...completedDetails.parse(slot.executionDetails) }))
    .sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt));
}

const gapsOf = (runs: { executedAt: string; completedAt: string }[]) =>
  runs.slice(1).map((run, i) => Date.parse(run.executedAt) - Date.parse(runs[i].completedAt));

beforeAll(async () => {
  await useMiddayTimeZone();
  actor = await createActor();
  await createMember({ score: "60", stakes: [{ principal: "100", startedAt: "2020-01-01T00:00:00Z" }] });
  await installSlowPayouts();
});

afterEach(async () => {
  await stopEmbeddedScheduler();
  await setPayoutDelay(0);
  await holdPayouts(false);
});

afterAll(() => child?.child.kill("SIGKILL")); // only if an assertion left it running

describe("slots due together", () => {
  it("run back to back in one process: a slot that fell due during the last payout is taken at once", async () => {
    await setPayoutDelay(0.3);
    // One tick on the real clock: slots 2–4 fall due while slot 1 pays, and the same tick takes them.
    const first = Date.now() + 500;
    await queueSlotsAt(
      [0, 50, 100, 150].map((offset) => new Date(first + offset)),
      1,
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, first - Date.now())));
    const result = await tick();
    expect(result.executed.map((outcome) => [outcome.slotNumber, outcome.status])).toEqual([
      [1, "COMPLETED"],
      [2, "COMPLETED"],
      [3, "COMPLETED"],
      [4, "COMPLETED"],
    ]);
    // The same through the embedded scheduler, which sleeps until the first slot's time.
    startEmbeddedScheduler();
    const next = Date.now() + 1_000;
    const runs = await runsOf(
      await queueSlotsAt(
        [0, 50, 100, 150].map((offset) => new Date(next + offset)),
        5,
      ),
    );
    expect(runs.map((run) => run.slotNumber)).toEqual([5, 6, 7, 8]);
    for (const gap of gapsOf(runs)) expect(gap).toBeLessThan(backToBackMs);
    await expectLedgerOk();
  });

  it("run back to back across processes: the scheduler is woken when another process's slot commits", async () => {
    const due = new Date(Date.now() - 1_000);
    const numbers = await queueSlotsAt([due, due, due, due], 9);

    // Another instance takes slot 1 and is held in the middle of its payout.
    await holdPayouts(true);
    child = spawnTick({ env: { TICK_MAX_SLOTS: "1" } });
    await waitFor("the other process's payout to reach the middle", payoutInTheMiddle);
    // This process's scheduler finds the day busy and goes to sleep.
    const scheduler = startEmbeddedScheduler();
    await waitFor("a first tick", async () => (scheduler.ticks() > 0 ? true : null));
    expect(await db().slot.count({ where: { slotNumber: 9, status: "EXECUTING" } })).toBe(1);
    // Released just after one of its ticks, when a poll would be furthest away.
    const ticked = scheduler.ticks();
    await waitFor("the next tick", async () => (scheduler.ticks() > ticked ? true : null), 5_000);
    await holdPayouts(false);
    const exit = await child.exited;
    expect(parseTickOutput(exit.stdout).executed).toMatchObject([{ slotNumber: 9, status: "COMPLETED" }]);
    const runs = await runsOf(numbers);
    expect(runs.map((run) => run.slotNumber)).toEqual([9, 10, 11, 12]);
    for (const gap of gapsOf(runs)) expect(gap).toBeLessThan(backToBackMs);
    expect(embeddedScheduler()).toBe(scheduler);
    await expectLedgerOk();
  });
});
