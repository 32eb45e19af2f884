import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { toUnits } from "@/lib/distribution/money";
import {
  completedSlot,
  executionSettings,
  expectLedgerOk,
  noonSlot,
  queueDay,
  retireAllMembers,
  setUpExecution,
  type Actor,
} from "../../helpers/execution-data";
import { cloneState, expectedPayout, type StakeState } from "../../helpers/stake-state";

process.env.SLOTPAY_LOG = "silent";

// Issue 11: a slot's ROS and both pools' qualification see one snapshot of the stakes while
// other transactions change them. Each of the payout's three ledger inserts is slowed on the
// database side (a statement trigger sleeps), and another connection commits stake inserts,
// principal and score changes in a loop meanwhile. The ledger must be exactly what the pure
// computation gives for one committed state, never a mix. And REPEATABLE READ's serialization
// failure (a row the payout updates changed after its snapshot) is retried, paying once, while
// wallets, which every payout writes, are locked before the snapshot is taken.

const rosPercentage = "1.5";
let actor: Actor;
let writer: pg.Client;
let day = 0;
const nextDate = () => `2032-04-${String(++day).padStart(2, "0")}`;

async function slowLedgerInserts(seconds: number) {
  await db().$executeRaw`UPDATE test_slow_ledger SET seconds = ${seconds} WHERE id = 1`;
}

beforeAll(async () => {
  await retireAllMembers();
  const members = Array.from({ length: 30 }, (_, i) => ({
    score: String((i * 7) % 100),
    principals: [String(300 + i * 37), "450.12345678"],
  }));
  ({ actor } = await setUpExecution({ stakesStartedAt: "2032-01-01T00:00:00Z", members }));
  // Statement-level, so each of the payout's inserts (ROS, premium, performance) sleeps once; the
  // sequence counts payout runs outside any transaction (a rolled-back run still counts).
  await db().$executeRawUnsafe(`CREATE TABLE test_slow_ledger (id int PRIMARY KEY, seconds double precision NOT NULL)`);
  await db().$executeRawUnsafe(`INSERT INTO test_slow_ledger VALUES (1, 0)`);
  await db().$executeRawUnsafe(`CREATE TABLE test_ledger_statements (at timestamptz NOT NULL)`);
  await db().$executeRawUnsafe(`CREATE SEQUENCE test_ledger_statement_runs`);
  await db().$executeRawUnsafe(`
    CREATE FUNCTION test_slow_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('test_ledger_statement_runs');
      INSERT INTO test_ledger_statements VALUES (clock_timestamp());
      PERFORM pg_sleep((SELECT seconds FROM test_slow_ledger WHERE id = 1));
      RETURN NULL;
    END $$`);
  await db().$executeRawUnsafe(
    `CREATE TRIGGER test_slow_ledger BEFORE INSERT ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION test_slow_ledger()`,
  );
  writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await writer.connect();
});

afterAll(async () => {
  await writer?.end();
});

async function readState(): Promise<StakeState> {
  const stakes = await db().$queryRaw<{ id: number; user_id: number; principal: string; status: string; started_at: Date }[]>`
    SELECT id, user_id, principal::text, status::text, started_at FROM stakes`;
  const users = await db().$queryRaw<{ id: number; score: string }[]>`SELECT id, performance_score::text AS score FROM users`;
  return {
    stakes: new Map(
      stakes.map((s) => [
        s.id,
        { userId: s.user_id, principal: s.principal, active: s.status === "ACTIVE", startedAt: s.started_at.getTime() },
      ]),
    ),
    scores: new Map(users.map((u) => [u.id, u.score])),
  };
}

/**
 * Commits changes from its own connection until `stop()`: each transaction adds a stake to one
 * member (which may lift them over the premium minimum), ends another stake, and moves a score
 * across the performance minimum. Returns every committed state and when it committed.
 */
function changeStakesMeanwhile(start: StakeState, memberIds: number[]) {
  const states: { state: StakeState; committedAt: number }[] = [{ state: start, committedAt: 0 }];
  let stopped = false;
  const done = (async () => {
    for (let round = 0; !stopped; round++) {
      const state = cloneState(states[states.length - 1].state);
      const user = memberIds[round % memberIds.length];
      const other = memberIds[(round * 7 + 3) % memberIds.length];
      const ending = [...state.stakes].find(([, stake]) => stake.active && stake.userId === other)?.[0];
      const score = round % 2 === 0 ? "75" : "10";
      await writer.query("BEGIN");
      const inserted = await writer.query<{ id: number }>(
        `INSERT INTO stakes (user_id, principal, status, started_at) VALUES ($1, '700.00000001', 'ACTIVE', '2032-01-02T00:00:00Z') RETURNING id`,
        [user],
      );
      if (ending !== undefined) await writer.query(`UPDATE stakes SET status = 'ENDED', ended_at = now() WHERE id = $1`, [ending]);
      await writer.query(`UPDATE users SET performance_score = $2 WHERE id = $1`, [other, score]);
      await writer.query("COMMIT");
      const [{ now }] = (await writer.query<{ now: Date }>(`SELECT clock_timestamp() AS now`)).rows;
      state.stakes.set(inserted.rows[0].id, {
        userId: user,
        principal: "700.00000001",
        active: true,
        startedAt: Date.parse("2032-01-02T00:00:00Z"),
      });
      if (ending !== undefined) state.stakes.get(ending)!.active = false;
      state.scores.set(other, score);
      states.push({ state, committedAt: now.getTime() });
    }
  })();
  return {
    states,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function paidByLedger(slotId: number) {
  const rows = await db().$queryRaw<{ kind: string; subject_id: number; amount: string }[]>`
    SELECT kind::text, subject_id, amount::text FROM ledger_entries WHERE slot_id = ${slotId}`;
  return {
    ros: new Map(rows.filter((r) => r.kind === "ROS").map((r) => [r.subject_id, toUnits(r.amount)])),
    premiumUsers: new Set(rows.filter((r) => r.kind === "PREMIUM_POOL").map((r) => r.subject_id)),
    performanceUsers: new Set(rows.filter((r) => r.kind === "PERFORMANCE_POOL").map((r) => r.subject_id)),
  };
}

describe("one snapshot per slot", () => {
  it("while stakes and scores change, the slot pays exactly one committed state's ROS and pools", async () => {
    const date = nextDate();
    const scheduledFor = `${date}T12:00:00.000Z`;
    await queueDay({ actor, date, premium: "1000", performance: "500", slots: [{ slotNumber: 1, rosPercentage, scheduledFor }] });
    const members = await db().user.findMany({ where: { role: null }, select: { id: true } });
    const changes = changeStakesMeanwhile(
      await readState(),
      members.map((m) => m.id),
    );
    await slowLedgerInserts(0.4);
    try {
      await tick({ now: new Date(`${date}T12:00:01.000Z`) });
    } finally {
      await slowLedgerInserts(0);
      await changes.stop();
    }
    const { slot, details } = await completedSlot(date, 1);
    const statements = await db().$queryRaw<{ at: Date }[]>`SELECT at FROM test_ledger_statements ORDER BY at`;
    const [rosAt, , performanceAt] = statements.slice(-3).map((row) => row.at.getTime());
    const commitsDuringPayout = changes.states.filter((s) => s.committedAt > rosAt && s.committedAt < performanceAt).length;
    expect(commitsDuringPayout, "other transactions committed between the ROS and the pools").toBeGreaterThan(2);

    const paid = await paidByLedger(slot.id);
    const rules = {
      rosPercentUnits: toUnits(rosPercentage),
      scheduledFor: Date.parse(scheduledFor),
      premiumMinStake: executionSettings.premiumMinStake,
      performanceMinScore: executionSettings.performanceMinScore,
    };
    const matching = changes.states.filter(({ state }) => {
      const expected = expectedPayout(state, rules);
      const sameRos = expected.ros.size === paid.ros.size && [...expected.ros].every(([id, amount]) => paid.ros.get(id) === amount);
      const same = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));
      return sameRos && same(expected.premiumUsers, paid.premiumUsers) && same(expected.performanceUsers, paid.performanceUsers);
    });
    expect(matching.length, "the ledger is the pure computation of one committed state").toBeGreaterThan(0);
    // The changes tell states apart: most committed states would have paid something else.
    expect(matching.length).toBeLessThan(changes.states.length / 2);
    expect(details.premiumPoolStats.qualifiedUsers).toBe(paid.premiumUsers.size);
    await expectLedgerOk();
  });

  const runsSoFar = async () => {
    const [{ runs }] = await db().$queryRaw<{ runs: bigint }[]>`SELECT last_value AS runs FROM test_ledger_statement_runs`;
    return Number(runs);
  };

  /** Runs the day's one slot while `meanwhile` acts within its first run's ledger sleep (after its snapshot). */
  async function payWhile(date: string, meanwhile: (dayId: number) => Promise<unknown>) {
    await queueDay({ actor, date, premium: "10", performance: "5", slots: noonSlot(date, "1") });
    const dayId = (await db().day.findUniqueOrThrow({ where: { date: new Date(`${date}T00:00:00Z`) } })).id;
    const before = await runsSoFar();
    await slowLedgerInserts(0.3);
    const paying = tick({ now: new Date(`${date}T12:00:01.000Z`) });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const acted = meanwhile(dayId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await slowLedgerInserts(0);
    const result = await paying;
    await acted;
    expect(result.executed).toMatchObject([{ status: "COMPLETED" }]);
    expect((await completedSlot(date, 1)).details.attempt).toBe(1);
    await expectLedgerOk();
    return (await runsSoFar()) - before;
  }

  it("a row the payout updates, changed after its snapshot, makes it run again (REPEATABLE READ), paying once", async () => {
    // The day row, which the payout updates (pools paid, status) once it is done.
    const runs = await payWhile(nextDate(), (dayId) =>
      writer.query(`UPDATE days SET description = 'changed meanwhile' WHERE id = $1`, [dayId]),
    );
    expect(runs, "three inserts of the refused run, then those of the run again").toBeGreaterThanOrEqual(4);
  });

  it("a wallet write of another transaction waits for the payout, which runs once", async () => {
    const [wallet] = await db().$queryRaw<{ user_id: number }[]>`SELECT user_id FROM wallets LIMIT 1`;
    const runs = await payWhile(nextDate(), () =>
      writer.query(`UPDATE wallets SET updated_at = now() WHERE user_id = $1`, [wallet.user_id]),
    );
    expect(runs, "no run refused").toBe(3);
  });
});
