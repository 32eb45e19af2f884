import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { archiveLedgerMonths } from "@/lib/ledger/archive-ledger-months";
import { ensureLedgerPartitions } from "@/lib/ledger/ensure-ledger-partitions";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { loadMemberPage } from "@/lib/members/load-member-page";
import { memberStatement } from "@/lib/members/member-statement";
import { findExportScope } from "@/lib/payouts/find-export-scope";
import { expectLedgerOk, noonSlot, queueDay, setUpExecution, slotOf, type Actor, type Member } from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// npm run ledger:archive (decision 024): months before --before leave the live ledger, their
// per-member totals kept as checkpoints, so balances still equal the ledger.

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const run = promisify(execFile);
const midMarch = new Date("2032-03-15T00:00:00.000Z");
const pools = { premium: "3", performance: "2" };

let actor: Actor;
let members: Member[];

async function runDay(date: string) {
  await queueDay({ actor, date, ...pools, slots: noonSlot(date) });
  await tick({ now: new Date(`${date}T12:00:01.000Z`) });
  expect((await slotOf(date, 1)).status).toBe("COMPLETED");
}

const attached = async () =>
  (
    await db().$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'ledger_entries'::regclass`
  ).map((row) => row.name);

/** Each member's total and entry count as the detached table holds them, and as the checkpoints do. */
async function detachedAndCheckpoints(table: string, month: string) {
  const detached = await db().$queryRawUnsafe<{ user_id: number; amount: string; entries: number }[]>(
    `SELECT user_id, sum(amount)::numeric::text AS amount, count(*)::int AS entries FROM "${table}" GROUP BY user_id ORDER BY user_id`,
  );
  const checkpoints = await db().$queryRaw<{ user_id: number; amount: string; entries: number }[]>`
    SELECT user_id, amount::text, entries::int FROM ledger_month_checkpoints WHERE month = ${month}::date ORDER BY user_id`;
  return { detached, checkpoints };
}

beforeAll(async () => {
  ({ actor, members } = await setUpExecution({
    stakesStartedAt: "2031-06-01T00:00:00.000Z",
    members: [
      { score: "60", principals: ["2000", "300"] },
      { score: "0", principals: ["500"] },
    ],
  }));
  await db().user.update({ where: { id: members[0].userId }, data: { externalId: "archived-member" } });
  for (const date of ["2032-01-10", "2032-02-10", "2032-03-05"]) await runDay(date);
  await queueDay({ actor, date: "2032-02-20", ...pools, slots: noonSlot("2032-02-20") }); // still to run
});

describe("archiving ledger months", () => {
  it("detaches only ended months, with checkpoints equal to the detached rows; ledger:verify still holds", async () => {
    const [{ january }] = await db().$queryRaw<{ january: number }[]>`SELECT count(*)::int AS january FROM ledger_entries_2032_01`;
    const [{ live }] = await db().$queryRaw<{ live: number }[]>`SELECT count(*)::int AS live FROM ledger_entries`;
    expect(january).toBe(5); // three ROS rows and the two pools' shares of member 1

    const outcomes = await archiveLedgerMonths({ before: "2032-04", now: midMarch });
    expect(outcomes).toEqual([
      {
        month: "2032-01",
        partition: "ledger_entries_2032_01",
        outcome: "archived",
        entries: january,
        users: 2,
        amount: expect.any(String),
      },
      {
        month: "2032-02",
        partition: "ledger_entries_2032_02",
        outcome: "refused",
        reason: expect.stringMatching(/1 slot\(s\).*PENDING or EXECUTING/),
      },
      { month: "2032-03", partition: "ledger_entries_2032_03", outcome: "refused", reason: "the month has not ended" },
    ]);
    expect(await attached()).not.toContain("ledger_entries_2032_01");
    expect(await attached()).toEqual(expect.arrayContaining(["ledger_entries_2032_02", "ledger_entries_2032_03"]));
    const { detached, checkpoints } = await detachedAndCheckpoints("ledger_entries_2032_01", "2032-01-01");
    expect(checkpoints).toEqual(detached);
    expect(detached.reduce((n, row) => n + row.entries, 0)).toBe(january);

    const report = await expectLedgerOk();
    expect(report).toMatchObject({ ledgerEntries: live - january, archivedEntries: january });
  });

  it("is idempotent: an archived month is reported and left alone, a month whose slots have ended is archived next", async () => {
    const januaryBefore = await detachedAndCheckpoints("ledger_entries_2032_01", "2032-01-01");
    await tick({ now: new Date("2032-02-20T12:00:01.000Z") });
    expect((await slotOf("2032-02-20", 1)).status).toBe("COMPLETED");

    const outcomes = await archiveLedgerMonths({ before: "2032-03", now: midMarch });
    expect(outcomes.map((o) => [o.month, o.outcome])).toEqual([
      ["2032-01", "already archived"],
      ["2032-02", "archived"],
    ]);
    expect(await detachedAndCheckpoints("ledger_entries_2032_01", "2032-01-01")).toEqual(januaryBefore);
    const february = await detachedAndCheckpoints("ledger_entries_2032_02", "2032-02-01");
    expect(february.checkpoints).toEqual(february.detached);
    expect(await archiveLedgerMonths({ before: "2032-03", now: midMarch })).toEqual(
      outcomes.map((o) => ({ ...o, outcome: "already archived" })),
    );
    await expectLedgerOk();
  });

  it("keeps an archived month closed: no partition is made for it again", async () => {
    expect(await ensureLedgerPartitions({ dates: ["2032-01-25"] })).toEqual([{ month: "2032-01-01", partition: null }]);
    expect(await attached()).not.toContain("ledger_entries_2032_01");
  });

  it("refuses a statement or an export that would cover an archived month; a later statement opens with the archived totals", async () => {
    await expect(memberStatement({ db: db(), externalId: "archived-member", from: "2032-02-15", to: "2032-03-31" })).rejects.toMatchObject({
      code: "VALIDATION",
      options: { details: { archivedMonths: ["2032-02"] } },
    });
    await expect(findExportScope({ db: db(), date: "2032-01-10" })).rejects.toMatchObject({ code: "VALIDATION" });
    const page = await loadMemberPage({ q: "archived-member", from: "2032-01-20", to: "2032-03-31" });
    expect(page).toMatchObject({ statement: null, error: expect.stringContaining("2032-01, 2032-02") });
    expect(page.members).toHaveLength(1);

    const [{ archived }] = await db().$queryRaw<{ archived: string }[]>`
      SELECT sum(amount)::text AS archived FROM (SELECT amount FROM ledger_entries_2032_01 WHERE user_id = ${members[0].userId}
                                               UNION ALL SELECT amount FROM ledger_entries_2032_02 WHERE user_id = ${members[0].userId}) t`;
    const statement = await memberStatement({ db: db(), externalId: "archived-member", from: "2032-03-01", to: "2032-03-31" });
    expect(Number(statement.openingBalance)).toBe(Number(archived));
    expect(Number(archived)).toBeGreaterThan(0);
  });

  it("fails ledger:verify when a checkpoint is tampered with", async () => {
    const where = { month_userId: { month: new Date("2032-01-01T00:00:00.000Z"), userId: members[0].userId } };
    await db().ledgerMonthCheckpoint.update({ where, data: { amount: { increment: "0.00000001" } } });
    try {
      const report = await verifyLedger(db());
      expect(report.ok).toBe(false);
      expect(report.balanceMismatches).toEqual([expect.objectContaining({ userId: members[0].userId })]);
      expect(report.checkpointMismatches).toEqual([expect.objectContaining({ month: "2032-01", total: "amount" })]);
    } finally {
      await db().ledgerMonthCheckpoint.update({ where, data: { amount: { decrement: "0.00000001" } } });
    }
    await expectLedgerOk();
  });

  it("npm run ledger:archive: exit 2 with the usage on a bad argument (more in parse-archive-args.test.ts); otherwise prints what it did", async () => {
    const env = {
      NODE_ENV: "test" as const,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: process.env.DATABASE_URL,
      SLOTPAY_LOG: "silent",
    };
    const cli = (...args: string[]) =>
      run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/ledger-archive.ts", ...args], { cwd: repoRoot, env });
    for (const args of [[], ["--before", "2032-13"]]) {
      await expect(cli(...args)).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining("usage: npm run ledger:archive -- --before YYYY-MM"),
      });
    }
    const { stdout } = await cli("--before", "2032-02");
    expect(stdout).toMatch(/^2032-01 \(ledger_entries_2032_01\) already archived: 5 entries, 2 members, [\d.]+ paid$/m);
  });
});
