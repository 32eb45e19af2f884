import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { retrySlot } from "@/lib/distribution/retry-slot";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import {
  completedDetails,
  expectLedgerOk,
  failedDetails,
  noonSlot,
  queueDay,
  setUpExecution,
  slotOf,
  type Actor,
} from "../../helpers/execution-data";
import { readJson } from "../../helpers/http";
import { signedIn, type SignedIn } from "../../helpers/session";
import { setPayoutDelay, installSlowPayouts } from "../../helpers/slow-payouts";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 18: a retry reset the slot's record, and a FAILED slot's
// executedAt was when it failed. Every attempt is kept — start, end, outcome, error — across
// retries, in every view of the day; executedAt of a FAILED slot is its attempt's start.

let actor: Actor;
let viewer: SignedIn;
const date = "2030-11-01";

async function refuseWallets(refuse: boolean) {
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_refuse_wallets() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected: the wallets are refused'; END $$`);
  await db().$executeRawUnsafe("DROP TRIGGER IF EXISTS test_zz_refuse_wallets ON wallets");
  if (refuse) {
    // Named to fire after test_slow_payouts (triggers fire in name order), so the attempt lasts a while first.
    await db().$executeRawUnsafe(
      "CREATE TRIGGER test_zz_refuse_wallets BEFORE INSERT ON wallets FOR EACH STATEMENT EXECUTE FUNCTION test_refuse_wallets()",
    );
  }
}

beforeAll(async () => {
  ({ actor } = await setUpExecution({ stakesStartedAt: "2030-01-01T00:00:00Z", members: [{ score: "70", principals: ["1200"] }] }));
  viewer = await signedIn("VIEWER");
  await installSlowPayouts();
});

afterAll(async () => {
  await setPayoutDelay(0);
  await refuseWallets(false);
});

describe("a slot's attempts", () => {
  it("are all kept, with each one's start, end, outcome and error, across a retry", async () => {
    await queueDay({
      actor,
      date,
      premium: "5",
      performance: "0",
      slots: noonSlot(date),
    });
    await setPayoutDelay(0.3);
    await refuseWallets(true);
    await tick({ now: new Date(`${date}T12:00:01Z`) });
    await refuseWallets(false);
    await setPayoutDelay(0);

    const failed = await slotOf(date, 1);
    const failure = failedDetails.parse(failed.executionDetails);
    // executedAt is when the attempt started; it failed 0.3 s later.
    expect(Date.parse(failure.failedAt) - Date.parse(failure.executedAt)).toBeGreaterThanOrEqual(300);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    const firstAttempt = { attempt: 1, startedAt: failure.executedAt, endedAt: failure.failedAt, outcome: "FAILED", error: failure.error };
    expect(failure.error).toContain("injected: the wallets are refused");
    expect(failed.attemptHistory).toEqual([firstAttempt]);

    await retrySlot({ actor, slotNumber: 1, date, now: new Date(`${date}T13:00:00Z`) });
    // The retry starts the count against maxAttempts again, and keeps the history.
    expect(await slotOf(date, 1)).toMatchObject({ status: "PENDING", attempts: 0, executionDetails: null, attemptHistory: [firstAttempt] });

    await tick({ now: new Date(`${date}T13:00:01Z`) });
    const completed = await slotOf(date, 1);
    const details = completedDetails.parse(completed.executionDetails);
    expect(completed).toMatchObject({ status: "COMPLETED", attempts: 1 });
    expect(details.attempt).toBe(1);
    const secondAttempt = { attempt: 2, startedAt: details.executedAt, endedAt: details.completedAt, outcome: "COMPLETED" };
    expect(completed.attemptHistory).toEqual([firstAttempt, secondAttempt]);

    // Every view of the day carries it.
    const day = await readJson<DistributionStatus>(await viewer.api.day(date));
    expect(day.distributionSlots[0]).toMatchObject({ attempts: 1, attemptHistory: [firstAttempt, secondAttempt] });
    const history = await readJson<{ days: DistributionStatus[] }>(await viewer.api.history({ from: date, to: date }));
    expect(history.days[0].distributionSlots[0].attemptHistory).toEqual([firstAttempt, secondAttempt]);
    await expectLedgerOk();
  });

  it("are empty before the first attempt", async () => {
    await queueDay({
      actor,
      date: "2030-11-02",
      premium: "0",
      performance: "0",
      slots: noonSlot("2030-11-02"),
    });
    const day = await readJson<DistributionStatus>(await viewer.api.day("2030-11-02"));
    expect(day.distributionSlots[0]).toMatchObject({ status: "PENDING", attempts: 0, attemptHistory: [] });
  });
});
