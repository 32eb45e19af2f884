import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { retrySlot } from "@/lib/distribution/retry-slot";
import {
  dayOf,
  expectLedgerOk,
  expectPaidAsReference,
  failedDetails,
  ledgerOf,
  poolsPaidOf,
  queueDay,
  runReferenceSlot,
  setUpExecution,
  slotOf,
  totalsOf,
  walletBalances,
  type Actor,
  type LedgerRow,
  type Member,
} from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// SPEC §9: a database error in the middle of a slot leaves it FAILED with nothing paid, and a
// retry completes it with exactly what a clean run pays. The error is a real one, raised by a
// trigger on the third of the payout's INSERTs, after the ROS and premium rows were written in
// the same transaction.

const pools = { premium: "7", performance: "4.00000001" };
const slotAt = (date: string, time = "12:00:00") => [{ slotNumber: 1, rosPercentage: "2.5", scheduledFor: `${date}T${time}.000Z` }];

let actor: Actor;
let p: Member;
let q: Member;
let r: Member;

async function installFailingTrigger() {
  await db().$executeRawUnsafe(`
    CREATE FUNCTION test_refuse_performance_pool() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.kind = 'PERFORMANCE_POOL' THEN
        RAISE EXCEPTION 'injected failure after % rows of slot %',
          (SELECT count(*) FROM ledger_entries WHERE slot_id = NEW.slot_id), NEW.slot_id;
      END IF;
      RETURN NEW;
    END $$`);
  await db().$executeRawUnsafe(
    "CREATE TRIGGER test_refuse_performance_pool BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_performance_pool()",
  );
}

async function dropFailingTrigger() {
  await db().$executeRawUnsafe("DROP TRIGGER IF EXISTS test_refuse_performance_pool ON ledger_entries");
  await db().$executeRawUnsafe("DROP FUNCTION IF EXISTS test_refuse_performance_pool()");
}

beforeAll(async () => {
  const setUp = await setUpExecution({
    stakesStartedAt: "2030-04-01T00:00:00Z",
    members: [
      { score: "100", principals: ["1000"] },
      { score: "300", principals: ["2500", "0.33333333"] },
      { score: "0", principals: ["500"] },
    ],
  });
  actor = setUp.actor;
  [p, q, r] = setUp.members;
});

afterAll(dropFailingTrigger);

describe("a database error in the middle of a slot", () => {
  let cleanRows: LedgerRow[] = [];

  it("a clean run of the same slot pays the hand-computed amounts (the reference)", async () => {
    cleanRows = await runReferenceSlot({
      actor,
      date: "2030-05-01",
      pools,
      slots: slotAt("2030-05-01"),
      now: new Date("2030-05-01T12:00:01Z"),
    });
    expect(cleanRows).toEqual([
      { kind: "ROS", subjectId: p.stakeIds[0], userId: p.userId, amount: "25" },
      { kind: "ROS", subjectId: q.stakeIds[0], userId: q.userId, amount: "62.5" },
      { kind: "ROS", subjectId: q.stakeIds[1], userId: q.userId, amount: "0.00833333" },
      { kind: "ROS", subjectId: r.stakeIds[0], userId: r.userId, amount: "12.5" },
      { kind: "PREMIUM_POOL", subjectId: p.userId, userId: p.userId, amount: "3.5" },
      { kind: "PREMIUM_POOL", subjectId: q.userId, userId: q.userId, amount: "3.5" },
      { kind: "PERFORMANCE_POOL", subjectId: p.userId, userId: p.userId, amount: "1" },
      { kind: "PERFORMANCE_POOL", subjectId: q.userId, userId: q.userId, amount: "3.00000001" },
    ]);
  });

  it("leaves the slot FAILED with the error and nothing paid, and a retry pays exactly the clean amounts", async () => {
    const date = "2030-05-02";
    await queueDay({ actor, date, ...pools, slots: slotAt(date) });
    const walletsBefore = await walletBalances();
    await installFailingTrigger();

    const failedRun = await tick({ now: new Date(`${date}T12:00:01Z`) });
    const slot = await slotOf(date, 1);
    expect(failedRun.executed).toEqual([
      expect.objectContaining({ slotId: slot.id, status: "FAILED", error: expect.stringContaining("injected failure") }),
    ]);
    expect(slot).toMatchObject({ status: "FAILED", attempts: 1, leaseOwner: null, leaseExpiresAt: null });
    // The error was raised after the 4 ROS and 2 premium rows of this slot had been inserted.
    expect(failedDetails.parse(slot.executionDetails).error).toContain(`injected failure after 6 rows of slot ${slot.id}`);
    expect(await ledgerOf(slot.id)).toEqual([]);
    expect(await walletBalances()).toEqual(walletsBefore);
    const day = await dayOf(date);
    expect(day.status).toBe("FAILED");
    expect(poolsPaidOf(day)).toEqual(["0", "0"]);
    expect(
      await db().auditLog.count({ where: { action: "slot.execute", outcome: "FAILED", reason: { contains: "injected failure" } } }),
    ).toBe(1);
    await expectLedgerOk();

    // Still failing: a second tick does not pick a FAILED slot up by itself.
    expect((await tick({ now: new Date(`${date}T12:05:00Z`) })).executed).toEqual([]);

    await dropFailingTrigger();
    await retrySlot({ actor, slotNumber: 1, now: new Date(`${date}T13:00:00Z`) });
    expect(await slotOf(date, 1)).toMatchObject({ status: "PENDING", attempts: 0, executionDetails: null });
    const retried = await tick({ now: new Date(`${date}T13:00:01Z`) });
    expect(retried.executed).toEqual([expect.objectContaining({ slotId: slot.id, status: "COMPLETED" })]);

    const { slot: completed, rows } = await expectPaidAsReference({ date, referenceRows: cleanRows, walletsBefore, pools });
    expect(completed.status).toBe("COMPLETED");
    expect(totalsOf(rows)).toEqual({
      ros: { count: 4, total: "100.00833333" },
      premium: { count: 2, total: "7" },
      performance: { count: 2, total: "4.00000001" },
    });
    await expectLedgerOk();
  });
});
