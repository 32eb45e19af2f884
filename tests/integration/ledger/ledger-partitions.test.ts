import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { executeClaimedSlot } from "@/lib/distribution/execution/execute-claimed-slot";
import { tick } from "@/lib/distribution/execution/tick";
import { retrySlot } from "@/lib/distribution/retry-slot";
import { ensureLedgerPartitions } from "@/lib/ledger/ensure-ledger-partitions";
import {
  dayOf,
  expectLedgerOk,
  noonSlot,
  poolsPaidOf,
  queueDay,
  setUpExecution,
  slotOf,
  walletBalances,
  type Actor,
  type Member,
} from "../../helpers/execution-data";
import { claimSlot, dayIdOf } from "../../helpers/run-slot";

process.env.SLOTPAY_LOG = "silent";

// Decision 024: the ledger is partitioned by month of the slot's date, the months made ready by
// the app (no default partition), so a payout whose month is missing fails whole.

let actor: Actor;
let member: Member;

const partitions = async () =>
  (
    await db().$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'ledger_entries'::regclass ORDER BY 1`
  ).map((row) => row.name);

beforeAll(async () => {
  ({
    actor,
    members: [member],
  } = await setUpExecution({
    stakesStartedAt: "2030-01-01T00:00:00.000Z",
    members: [{ score: "60", principals: ["2000"] }],
  }));
});

describe("ledger month partitions", () => {
  it("queueing a day makes its month's partition and the two after it; the slot's rows land in it, each once", async () => {
    expect(await partitions()).not.toContain("ledger_entries_2033_03");
    await queueDay({ actor, date: "2033-03-10", premium: "3", performance: "2", slots: noonSlot("2033-03-10") });
    expect(await partitions()).toEqual(
      expect.arrayContaining(["ledger_entries_2033_03", "ledger_entries_2033_04", "ledger_entries_2033_05"]),
    );

    await tick({ now: new Date("2033-03-10T12:00:01.000Z") });
    const slot = await slotOf("2033-03-10", 1);
    expect(slot.status).toBe("COMPLETED");
    const stored = await db().$queryRaw<{ slot_date: string; kinds: string }[]>`
      SELECT slot_date::text, string_agg(kind::text, ',' ORDER BY kind) AS kinds FROM ledger_entries_2033_03 WHERE slot_id = ${slot.id} GROUP BY 1`;
    expect(stored).toEqual([{ slot_date: "2033-03-10", kinds: "ROS,PREMIUM_POOL,PERFORMANCE_POOL" }]);
    await expect(
      db().$executeRaw`INSERT INTO ledger_entries (slot_id, kind, subject_id, user_id, amount, slot_date)
        VALUES (${slot.id}, 'ROS', ${member.stakeIds[0]}, ${member.userId}, 1, '2033-03-10')`,
    ).rejects.toThrow(/duplicate key|unique constraint/i);
    await expectLedgerOk();
  });

  it("a payout whose month has no partition fails whole (no entry, no wallet, no pool paid); the retry readies the month and pays", async () => {
    await queueDay({ actor, date: "2034-07-10", premium: "3", performance: "2", slots: noonSlot("2034-07-10") });
    await db().$executeRawUnsafe("DROP TABLE ledger_entries_2034_07"); // as if the month had never been made ready
    const walletsBefore = await walletBalances();

    const claim = await claimSlot(await dayIdOf("2034-07-10"), 1);
    const outcome = await executeClaimedSlot(claim);
    expect(outcome).toMatchObject({ status: "FAILED", error: expect.stringContaining('no partition of relation "ledger_entries"') });
    expect(await db().ledgerEntry.count({ where: { slotId: claim.slotId } })).toBe(0);
    expect(await walletBalances()).toEqual(walletsBefore);
    const failedDay = await dayOf("2034-07-10");
    expect(poolsPaidOf(failedDay)).toEqual(["0", "0"]);
    expect(failedDay.slots[0].status).toBe("FAILED");

    await retrySlot({ actor, date: "2034-07-10", slotNumber: 1, now: new Date("2034-07-10T13:00:00.000Z") });
    expect(await partitions()).toContain("ledger_entries_2034_07");
    await tick({ now: new Date("2034-07-10T13:00:01.000Z") });
    const paid = await dayOf("2034-07-10");
    expect(paid.slots[0].status).toBe("COMPLETED");
    expect(poolsPaidOf(paid)).toEqual(["3", "2"]);
    await expectLedgerOk();
  });

  it("making months ready is idempotent and names each month's partition", async () => {
    const first = await ensureLedgerPartitions({ dates: ["2035-02-28", "2035-02-01"] });
    expect(first).toEqual([{ month: "2035-02-01", partition: "ledger_entries_2035_02" }]);
    expect(await ensureLedgerPartitions({ dates: ["2035-02-14"] })).toEqual(first);
    expect((await partitions()).filter((name) => name === "ledger_entries_2035_02")).toHaveLength(1);
  });
});
