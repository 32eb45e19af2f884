import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import {
  dayOf,
  expectLedgerOk,
  expectPaidAsReference,
  ledgerOf,
  poolsPaidOf,
  queueDay,
  runReferenceSlot,
  setUpExecution,
  slotOf,
  walletBalances,
  type Actor,
  type LedgerRow,
  type Member,
} from "../../helpers/execution-data";
import { spawnTick, type TickProcess } from "../../helpers/execution-processes";
import { backendState, holdPayouts, installSlowPayouts, payoutInTheMiddle, waitFor } from "../../helpers/slow-payouts";

process.env.SLOTPAY_LOG = "silent";

// SPEC §9: a process killed in the middle of a slot leaves no partial payout, and the slot
// completes once after the lease expires. The child's payout is held on the wallet update
// (after the ledger rows were inserted) until the child is killed (tests/helpers/slow-payouts.ts).

const pools = { premium: "3", performance: "2" };
const slotOn = (date: string) => [{ slotNumber: 1, rosPercentage: "1.25", scheduledFor: `${date}T12:00:00.000Z` }];
const leaseSeconds = 2;

let actor: Actor;
let executor: TickProcess | undefined;
let members: Member[] = [];

/** The payout's backend once it waits in the middle, having written its ledger rows. */
async function heldPayoutBackend(): Promise<number | null> {
  const held = await payoutInTheMiddle();
  if (!held) return null;
  const [row] = await db().$queryRaw<{ ledger_locks: number }[]>`
    SELECT count(*)::int AS ledger_locks FROM pg_locks WHERE pid = ${held.pid} AND relation = 'ledger_entries'::regclass`;
  expect(row.ledger_locks, "the held payout transaction has written ledger rows").toBeGreaterThan(0);
  return held.pid;
}

beforeAll(async () => {
  ({ actor, members } = await setUpExecution({
    stakesStartedAt: "2030-05-01T00:00:00Z",
    members: [
      { score: "70", principals: ["1200"] },
      { score: "140", principals: ["999.99999999", "80"] },
      { score: "0", principals: ["3333.33333333"] },
    ],
  }));
});

afterAll(async () => {
  // Only if a failed assertion left it running: the tick process this file started.
  if (executor && executor.child.exitCode === null && executor.child.signalCode === null) executor.child.kill("SIGKILL");
  await holdPayouts(false);
});

describe("an executor killed in the middle of a slot", () => {
  let cleanRows: LedgerRow[] = [];

  it("a clean run of the same slot is the reference", async () => {
    cleanRows = await runReferenceSlot({
      actor,
      date: "2030-06-01",
      pools,
      slots: slotOn("2030-06-01"),
      now: new Date("2030-06-01T12:00:01Z"),
    });
    const [u1, u2, u3] = members;
    expect(cleanRows).toEqual([
      { kind: "ROS", subjectId: u1.stakeIds[0], userId: u1.userId, amount: "15" },
      { kind: "ROS", subjectId: u2.stakeIds[0], userId: u2.userId, amount: "12.49999999" },
      { kind: "ROS", subjectId: u2.stakeIds[1], userId: u2.userId, amount: "1" },
      { kind: "ROS", subjectId: u3.stakeIds[0], userId: u3.userId, amount: "41.66666666" },
      { kind: "PREMIUM_POOL", subjectId: u1.userId, userId: u1.userId, amount: "1" },
      { kind: "PREMIUM_POOL", subjectId: u2.userId, userId: u2.userId, amount: "1" },
      { kind: "PREMIUM_POOL", subjectId: u3.userId, userId: u3.userId, amount: "1" },
      { kind: "PERFORMANCE_POOL", subjectId: u1.userId, userId: u1.userId, amount: "0.66666667" },
      { kind: "PERFORMANCE_POOL", subjectId: u2.userId, userId: u2.userId, amount: "1.33333333" },
    ]);
  });

  it("leaves nothing paid and the slot EXECUTING; after the lease expires it is reaped and completed once", async () => {
    const date = "2030-06-02";
    await queueDay({ actor, date, ...pools, slots: slotOn(date) });
    const { id: slotId } = await slotOf(date, 1);
    const walletsBefore = await walletBalances();
    const entriesBefore = await db().ledgerEntry.count();
    await installSlowPayouts();
    await holdPayouts(true);

    const claimedAt = new Date(`${date}T12:00:01Z`);
    const child = spawnTick({ now: claimedAt, env: { SLOTPAY_LEASE_SECONDS: String(leaseSeconds) } });
    executor = child;
    const earlyExit = child.exited.then((exit) => {
      throw new Error(`the tick process ended before it was killed: ${exit.code} ${exit.stderr}`);
    });
    earlyExit.catch(() => undefined);
    const pid = await Promise.race([waitFor("the payout to reach the wallet update", heldPayoutBackend), earlyExit]);
    expect(await slotOf(date, 1)).toMatchObject({ status: "EXECUTING", attempts: 0 });

    child.child.kill("SIGKILL");
    expect((await child.exited).signal).toBe("SIGKILL");
    // The server rolls the open transaction back when it notices the dead client: the payout
    // checks its client every second (client_connection_check_interval) even mid-statement, and
    // no statement of it outlives the lease (payout-deadline.ts).
    await waitFor("the killed executor's backend to end by itself", async () => ((await backendState(pid)) === null ? true : null), 10_000);

    expect(await ledgerOf(slotId)).toEqual([]);
    expect(await db().ledgerEntry.count()).toBe(entriesBefore);
    expect(await walletBalances()).toEqual(walletsBefore);
    const stuck = await slotOf(date, 1);
    expect(stuck).toMatchObject({ status: "EXECUTING", attempts: 0, executionDetails: null });
    expect(stuck.leaseOwner).not.toBeNull();
    expect(stuck.leaseExpiresAt).toEqual(new Date(claimedAt.getTime() + leaseSeconds * 1000));
    const day = await dayOf(date);
    expect(day.status).toBe("EXECUTING");
    expect(poolsPaidOf(day)).toEqual(["0", "0"]);
    await expectLedgerOk();

    await holdPayouts(false);
    // Within the lease nobody takes the slot over, and the day waits for it.
    const early = await tick({ now: new Date(claimedAt.getTime() + 1000) });
    expect(early).toMatchObject({ reaped: [], executed: [] });
    expect((await slotOf(date, 1)).status).toBe("EXECUTING");

    const afterLease = await tick({ now: new Date(claimedAt.getTime() + (leaseSeconds + 1) * 1000) });
    expect(afterLease.reaped).toEqual([{ slotId, dayId: day.id, date, slotNumber: 1, status: "PENDING", attempts: 1 }]);
    expect(afterLease.executed).toEqual([expect.objectContaining({ slotId, status: "COMPLETED" })]);

    const { slot: completed, details } = await expectPaidAsReference({ date, referenceRows: cleanRows, walletsBefore, pools });
    expect(completed).toMatchObject({ status: "COMPLETED", attempts: 2, leaseOwner: null });
    expect(details.attempt).toBe(2);
    // Both attempts are kept (contracts C3): the killed one as LEASE_EXPIRED with no end anybody saw.
    expect(completed.attemptHistory).toEqual([
      { attempt: 1, startedAt: expect.any(String), endedAt: null, outcome: "LEASE_EXPIRED", error: expect.stringMatching(/lease expired/) },
      { attempt: 2, startedAt: details.executedAt, endedAt: details.completedAt, outcome: "COMPLETED" },
    ]);
    expect(
      await db().auditLog.count({ where: { action: "slot.execute", outcome: "OK", details: { path: ["slotId"], equals: slotId } } }),
    ).toBe(1);
    await expectLedgerOk();

    // Completed once: later ticks find nothing to do.
    expect((await tick({ now: new Date(claimedAt.getTime() + 60_000) })).executed).toEqual([]);
  });
});
