import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tick } from "@/lib/distribution/execution/tick";
import {
  expectLedgerOk,
  expectPaidAsReference,
  failedDetails,
  ledgerOf,
  queueDay,
  runReferenceSlot,
  setUpExecution,
  slotOf,
  walletBalances,
  type Actor,
  type LedgerRow,
} from "../../helpers/execution-data";
import { parseTickOutput, spawnTick, type TickProcess } from "../../helpers/execution-processes";
import { backendState, installSlowPayouts, payoutInTheMiddle, setPayoutDelay, waitFor } from "../../helpers/slow-payouts";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 14 (contracts C4): an executor frozen mid-payout (SIGSTOP) left its transaction
// "idle in transaction" holding the slot's row lock; the lease expired but the reaper could not
// take the slot, and the day waited forever. The payout is now bounded by its lease, so
// PostgreSQL ends it and the reaper hands the slot on. Also: a payout over
// SLOTPAY_PAYOUT_TIMEOUT_SECONDS is rolled back and the slot FAILED with the reason.

const pools = { premium: "3", performance: "2" };
const slotOn = (date: string) => [{ slotNumber: 1, rosPercentage: "1.25", scheduledFor: `${date}T12:00:00.000Z` }];
const leaseSeconds = 3;

let actor: Actor;
let frozen: TickProcess | undefined;
let referenceRows: LedgerRow[] = [];

beforeAll(async () => {
  ({ actor } = await setUpExecution({
    stakesStartedAt: "2030-05-01T00:00:00Z",
    members: [
      { score: "70", principals: ["1200"] },
      { score: "140", principals: ["999.99999999", "80"] },
    ],
  }));
  referenceRows = await runReferenceSlot({
    actor,
    date: "2030-08-01",
    pools,
    slots: slotOn("2030-08-01"),
    now: new Date("2030-08-01T12:00:01Z"),
  });
  await installSlowPayouts();
});

afterAll(async () => {
  frozen?.child.kill("SIGKILL"); // only if an assertion left the process this file started
  await setPayoutDelay(0);
  delete process.env.SLOTPAY_PAYOUT_TIMEOUT_SECONDS;
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
    const { slot: completed } = await expectPaidAsReference({ date, referenceRows, walletsBefore, pools });
    expect(completed.attemptHistory).toMatchObject([{ outcome: "LEASE_EXPIRED" }, { outcome: "COMPLETED" }]);

    // Thawed, the old executor finds its transaction gone and its lease taken: it changes nothing.
    frozen.child.kill("SIGCONT");
    const exit = await frozen.exited;
    expect(exit.code).toBe(0);
    expect(parseTickOutput(exit.stdout).executed).toMatchObject([{ slotId: slot.id, status: "LEASE_LOST" }]);
    expect(await slotOf(date, 1)).toMatchObject({ status: "COMPLETED", attemptHistory: completed.attemptHistory });
    await expectPaidAsReference({ date, referenceRows, walletsBefore, pools });
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
    expect(details.error).toMatch(/ran past its deadline of 1 s and was rolled back: .*statement timeout/);
    expect(Date.parse(details.failedAt) - Date.parse(details.executedAt)).toBeGreaterThanOrEqual(1000);
    expect(await ledgerOf(slot.id)).toEqual([]);
    expect(await walletBalances()).toEqual(walletsBefore);
    expect(slot.attemptHistory).toMatchObject([{ attempt: 1, outcome: "FAILED", error: details.error }]);
    await expectLedgerOk();
  });
});
