import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import {
  dayOf,
  expectLedgerOk,
  expectPaidAsReference,
  failedDetails,
  ledgerOf,
  noonSlot,
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
import { parseTickOutput, spawnTick, type TickProcess } from "../../helpers/execution-processes";
import { backendState, holdPayouts, installSlowPayouts, payoutInTheMiddle, setPayoutDelay, waitFor } from "../../helpers/slow-payouts";

process.env.SLOTPAY_LOG = "silent";

// SPEC §9: a process killed in the middle of a slot leaves no partial payout, and the slot
// completes once after the lease expires. The child's payout is held on the wallet update
// (after the ledger rows were inserted) until the child is killed (tests/helpers/slow-payouts.ts).
//
// Issue 7 item 14: an executor frozen mid-payout (SIGSTOP) left its transaction
// "idle in transaction" holding the slot's row lock; the lease expired but the reaper could not
// take the slot, and the day waited forever. The payout is now bounded by its lease, so
// PostgreSQL ends it and the reaper hands the slot on. Also: a payout over
// SLOTPAY_PAYOUT_TIMEOUT_SECONDS is rolled back and the slot FAILED with the reason.

const pools = { premium: "3", performance: "2" };
const slotOn = (date: string) => noonSlot(date, "1.25");
const leaseSeconds = 3;

let actor: Actor;
let executor: TickProcess | undefined;
let frozen: TickProcess | undefined;
let members: Member[] = [];
let cleanRows: LedgerRow[] = [];

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
  await installSlowPayouts();
});

afterAll(async () => {
  // Only if a failed assertion left it running: the tick process this file started.
  for (const child of [executor, frozen])
    if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill("SIGKILL");
  await holdPayouts(false);
  await setPayoutDelay(0);
  delete process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS;
});

describe("an executor killed in the middle of a slot", () => {
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
    // Both attempts are kept: the killed one as LEASE_EXPIRED with no end anybody saw.
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

describe("an executor frozen in the middle of a payout", () => {
  it("has its transaction ended by PostgreSQL once its lease is up; the slot is reaped and completed once", async () => {
    const date = "2030-08-02";
    await queueDay({ actor, date, ...pools, slots: slotOn(date) });
    const walletsBefore = await walletBalances();
    await setPayoutDelay(1);
    const claimedAt = new Date(`${date}T12:00:01Z`);
    frozen = spawnTick({ now: claimedAt, env: { SLOTPAY_LEASE_SECONDS: String(leaseSeconds) } });

    const { pid } = await waitFor("the payout to reach the middle", payoutInTheMiddle);
    frozen.child.kill("SIGSTOP");
    // Its statement ends, the stopped client sends no next one: "idle in transaction", locks held.
    await waitFor("the frozen payout to sit idle in its transaction", async () =>
      (await backendState(pid)) === "idle in transaction" ? true : null,
    );
    expect(await slotOf(date, 1)).toMatchObject({ status: "EXECUTING" });
    // Before the lease is up the reaper may not take it, and could not: the row is locked.
    expect((await tick({ now: new Date(claimedAt.getTime() + 1000) })).reaped).toEqual([]);

    const endedAfterMs = Date.now();
    await waitFor("PostgreSQL to end the frozen transaction", async () => ((await backendState(pid)) === null ? true : null), 15_000);
    expect(Date.now() - endedAfterMs).toBeLessThan((leaseSeconds + 5) * 1000);
    await setPayoutDelay(0);

    const slot = await slotOf(date, 1);
    expect(await ledgerOf(slot.id)).toEqual([]);
    const afterLease = await tick({ now: new Date(claimedAt.getTime() + (leaseSeconds + 1) * 1000) });
    expect(afterLease.reaped).toMatchObject([{ slotId: slot.id, status: "PENDING", attempts: 1 }]);
    expect(afterLease.executed).toMatchObject([{ slotId: slot.id, status: "COMPLETED" }]);
    const { slot: completed } = await expectPaidAsReference({ date, referenceRows: cleanRows, walletsBefore, pools });
    expect(completed.attemptHistory).toMatchObject([{ outcome: "LEASE_EXPIRED" }, { outcome: "COMPLETED" }]);

    // Thawed, the old executor finds its transaction gone and its lease taken: it changes nothing.
    frozen.child.kill("SIGCONT");
    const exit = await frozen.exited;
    expect(exit.code).toBe(0);
    expect(parseTickOutput(exit.stdout).executed).toMatchObject([{ slotId: slot.id, status: "LEASE_LOST" }]);
    expect(await slotOf(date, 1)).toMatchObject({ status: "COMPLETED", attemptHistory: completed.attemptHistory });
    await expectPaidAsReference({ date, referenceRows: cleanRows, walletsBefore, pools });
    await expectLedgerOk();
  });
});

describe("a payout over SLOTPAY_PAYOUT_TIMEOUT_SECONDS", () => {
  it("is rolled back and the slot FAILED with its deadline named; nothing is paid", async () => {
    const date = "2030-08-03";
    await queueDay({ actor, date, ...pools, slots: slotOn(date) });
    const walletsBefore = await walletBalances();
    process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS = "1";
    await setPayoutDelay(3);
    const result = await tick({ now: new Date(`${date}T12:00:01Z`) });
    await setPayoutDelay(0);
    delete process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS;

    const slot = await slotOf(date, 1);
    expect(result.executed).toMatchObject([{ slotId: slot.id, status: "FAILED", error: expect.stringMatching(/deadline of 1 s/) }]);
    expect(slot).toMatchObject({ status: "FAILED", attempts: 1 });
    const details = failedDetails.parse(slot.executionDetails);
    // PostgreSQL 17 may end it by transaction_timeout (set to the same deadline) before statement_timeout.
    expect(details.error).toMatch(/ran past its deadline of 1 s and was rolled back: .*(statement|transaction) timeout/);
    expect(Date.parse(details.failedAt) - Date.parse(details.executedAt)).toBeGreaterThanOrEqual(1000);
    expect(await ledgerOf(slot.id)).toEqual([]);
    expect(await walletBalances()).toEqual(walletsBefore);
    expect(slot.attemptHistory).toMatchObject([{ attempt: 1, outcome: "FAILED", error: details.error }]);
    await expectLedgerOk();
  });
});
