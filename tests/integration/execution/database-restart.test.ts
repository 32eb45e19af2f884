import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import {
  expectLedgerOk,
  failedDetails,
  ledgerOf,
  noonSlot,
  queueDay,
  setUpExecution,
  slotOf,
  walletBalances,
  type Actor,
} from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 15: when PostgreSQL restarted mid-slot, the payout failed, and so did the write
// that marks the slot FAILED (the pool's connections were all dead), so the slot sat EXECUTING
// for a whole lease. The write is now retried with backoff until the database answers.
//
// A restart is played on this file's database only (the shared server stays up): the payout's
// backend is terminated in the middle (pg_terminate_backend on itself, from a trigger on its
// wallet update), and so are the first two backends that try to write FAILED (a sequence counts
// them: it is not rolled back with their transactions).

let actor: Actor;

async function installRestart() {
  await db().$executeRawUnsafe(`CREATE SEQUENCE test_failed_writes`);
  await db().$executeRawUnsafe(`
    CREATE FUNCTION test_restart_payout() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_terminate_backend(pg_backend_pid());
      RETURN NULL;
    END $$`);
  await db().$executeRawUnsafe(
    `CREATE TRIGGER test_restart_payout BEFORE INSERT ON wallets FOR EACH STATEMENT EXECUTE FUNCTION test_restart_payout()`,
  );
  await db().$executeRawUnsafe(`
    CREATE FUNCTION test_restart_failed_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('test_failed_writes') <= 2 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
      RETURN NEW;
    END $$`);
  await db().$executeRawUnsafe(`
    CREATE TRIGGER test_restart_failed_write BEFORE UPDATE ON slots FOR EACH ROW
    WHEN (NEW.status = 'FAILED') EXECUTE FUNCTION test_restart_failed_write()`);
}

async function removeRestart() {
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_restart_payout ON wallets`);
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_restart_failed_write ON slots`);
}

beforeAll(async () => {
  ({ actor } = await setUpExecution({ stakesStartedAt: "2030-05-01T00:00:00Z", members: [{ score: "70", principals: ["1200", "10"] }] }));
});

afterAll(removeRestart);

describe("the database going away in the middle of a slot", () => {
  it("leaves the slot FAILED with nothing paid as soon as the database answers again, not a lease later", async () => {
    const date = "2030-09-01";
    await queueDay({
      actor,
      date,
      premium: "3",
      performance: "2",
      slots: noonSlot(date),
    });
    const walletsBefore = await walletBalances();
    await installRestart();

    const started = Date.now();
    const result = await tick({ now: new Date(`${date}T12:00:01Z`) });
    const tookMs = Date.now() - started;

    const slot = await slotOf(date, 1);
    expect(result.executed).toMatchObject([{ slotId: slot.id, date, status: "FAILED" }]);
    const [{ writes }] = await db().$queryRaw<{ writes: bigint }[]>`SELECT last_value AS writes FROM test_failed_writes`;
    expect(Number(writes), "two FAILED writes died with their backend, the third was written").toBe(3);
    expect(tookMs, "backoff of 100 + 200 ms, far from the 120 s lease").toBeLessThan(10_000);

    expect(slot).toMatchObject({ status: "FAILED", attempts: 1, leaseOwner: null, leaseExpiresAt: null });
    const details = failedDetails.parse(slot.executionDetails);
    expect(details.error).toMatch(/terminat|connection/i);
    expect(slot.attemptHistory).toMatchObject([{ attempt: 1, outcome: "FAILED", error: details.error }]);
    expect(await ledgerOf(slot.id)).toEqual([]);
    expect(await walletBalances()).toEqual(walletsBefore);
    await removeRestart();
    await expectLedgerOk();
  });
});
