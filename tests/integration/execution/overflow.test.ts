import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import {
  completedDetails,
  createMember,
  expectLedgerOk,
  failedDetails,
  ledgerOf,
  noonSlot,
  queueDay,
  retireAllMembers,
  setUpExecution,
  slotOf,
  sumExact,
  walletBalances,
  type Actor,
  type Member,
} from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 11: pools of 999,999,999,999 gave one user a balance of 999,999,999,949, and from
// then on every slot failed with "numeric field overflow": the wallet update of that user could
// not add anything to a numeric(20,8). One bad day poisoned every later slot. Balances are now
// unconstrained numeric, so what a user already holds can never fail a slot; an amount a slot
// computes can still overflow its own ledger row, and then only that slot fails.

const maxPool = "999999999999";
let actor: Actor;
let whale: Member;

beforeAll(async () => {
  ({ actor } = await setUpExecution({ stakesStartedAt: "2030-01-01T00:00:00Z", members: [] }));
  await retireAllMembers();
  // The largest pool the caps allow, paid to the only qualified user.
  await db().settings.update({ where: { id: 1 }, data: { maxPoolAmount: maxPool } });
  whale = await createMember({ score: "100", stakes: [{ principal: "999999999999", startedAt: "2030-01-01T00:00:00Z" }] });
});

describe("a balance that no numeric(20,8) could hold", () => {
  it("does not fail the later slots of its user: days at the caps keep paying", async () => {
    for (const [index, date] of ["2030-10-01", "2030-10-02", "2030-10-03"].entries()) {
      await queueDay({ actor, date, premium: maxPool, performance: maxPool, slots: noonSlot(date) });
      const result = await tick({ now: new Date(`${date}T12:00:01Z`) });
      expect(result.executed, `day ${index + 1}`).toMatchObject([{ date, status: "COMPLETED" }]);
    }
    // Each day paid 1 % ROS of the stake and both pools, all to the one user.
    const perDay = ["9999999999.99", maxPool, maxPool];
    expect((await walletBalances()).get(whale.userId)).toBe(sumExact([...perDay, ...perDay, ...perDay]));
    expect(sumExact([...perDay, ...perDay, ...perDay])).toBe("6029999999993.97"); // beyond numeric(20,8)
    await expectLedgerOk();
  });
});

describe("an overflow in a slot's own amounts", () => {
  it("fails that slot only, with nothing paid; the next slot pays everyone", async () => {
    const date = "2030-10-04";
    await queueDay({
      actor,
      date,
      premium: "10",
      performance: "0",
      slots: [
        { slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T12:00:00.000Z` },
        { slotNumber: 2, rosPercentage: "1", scheduledFor: `${date}T13:00:00.000Z` },
      ],
    });
    // Injected past every check: 200 % of the stake does not fit a ledger amount.
    await db().$executeRaw`UPDATE slots SET ros_percentage = 200 WHERE id = ${(await slotOf(date, 1)).id}`;
    const walletsBefore = await walletBalances();

    const first = await tick({ now: new Date(`${date}T12:00:01Z`) });
    const failed = await slotOf(date, 1);
    expect(first.executed).toMatchObject([{ slotId: failed.id, status: "FAILED" }]);
    expect(failedDetails.parse(failed.executionDetails).error).toMatch(/numeric field overflow/);
    expect(await ledgerOf(failed.id)).toEqual([]);
    expect(await walletBalances()).toEqual(walletsBefore);

    const second = await tick({ now: new Date(`${date}T13:00:01Z`) });
    const paid = await slotOf(date, 2);
    expect(second.executed).toMatchObject([{ slotId: paid.id, status: "COMPLETED" }]);
    expect(completedDetails.parse(paid.executionDetails)).toMatchObject({
      rosStats: { processedStakes: 1, totalDistributedExact: "9999999999.99" },
      premiumPoolStats: { qualifiedUsers: 1, totalDistributedExact: "10" },
    });
    await expectLedgerOk();
  });
});
