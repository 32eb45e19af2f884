import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { cursorPayoutRows } from "@/lib/payouts/cursor-payout-rows";
import { findExportScope } from "@/lib/payouts/find-export-scope";
import { keysetPayoutRows } from "@/lib/payouts/keyset-payout-rows";
import type { PayoutRow } from "@/lib/payouts/payout-row";
import { createConsoleUser, signInAs } from "../../factories/users";
import { csvRecords } from "../../helpers/csv";
import { exact, queueDay, setUpExecution, sumExact } from "../../helpers/execution-data";
import { expectError } from "../../helpers/http";
import { exportCsv, ledgerOfDay, ledgerSumOfDay } from "../../helpers/payouts-export";

process.env.SLOTPAY_LOG = "silent";

// The payout export of a day the real executor paid: what the CSV holds must be the ledger.

const date = "2030-09-01";
const formulaEmail = '=HYPERLINK("http://evil.test","x")@evil.test';
let adminCookie: string;
let viewer: { email: string; cookie: string };

beforeAll(async () => {
  const { actor, members } = await setUpExecution({
    stakesStartedAt: "2030-08-01T00:00:00Z",
    members: [
      { score: "80", principals: ["2000", "333.33333333"] },
      { score: "40", principals: ["1000"] },
      { score: "120", principals: ["500", "1500.5", "7"] },
    ],
  });
  await db().user.update({ where: { id: members[1].userId }, data: { email: formulaEmail } });
  await queueDay({
    actor,
    date,
    premium: "100.00000001",
    performance: "10",
    slots: [
      { slotNumber: 1, rosPercentage: "1.5", scheduledFor: `${date}T10:00:00.000Z` },
      { slotNumber: 2, rosPercentage: "0.75", scheduledFor: `${date}T14:00:00.000Z` },
    ],
  });
  for (const at of ["10:00:05", "14:00:05"]) {
    const result = await tick({ now: new Date(`${date}T${at}Z`) });
    expect(result.executed).toMatchObject([{ status: "COMPLETED" }]);
  }
  adminCookie = (await signInAs(await createConsoleUser())).cookie;
  const viewerUser = await createConsoleUser({ role: "VIEWER" });
  viewer = { email: viewerUser.email, cookie: (await signInAs(viewerUser)).cookie };
});

const exportAudits = (email: string) =>
  db().auditLog.findMany({ where: { action: "payouts.export", actorEmail: email }, orderBy: { id: "asc" } });

describe("GET …/days/{date}/payouts.csv", () => {
  it("streams one row per ledger entry of the day, with all 8 decimals, summing to the ledger", async () => {
    const response = await exportCsv({ cookie: adminCookie, date });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="slotpay-payouts-${date}.csv"`);
    const { header, records } = csvRecords(await response.text());

    expect(header).toEqual(["date", "slot", "scheduledFor", "kind", "userId", "userEmail", "stakeId", "amount"]);
    const ledger = await ledgerOfDay(date);
    expect(ledger.length).toBeGreaterThan(10); // ROS of 6 stakes per slot and both pools in slot 1
    expect(
      records.map(({ slot, kind, userId, userEmail, stakeId, amount }) => ({ slot, kind, userId, userEmail, stakeId, amount })),
    ).toEqual(ledger.map((row) => ({ ...row, userEmail: row.userEmail === formulaEmail ? `'${formulaEmail}` : row.userEmail })));
    for (const record of records) {
      expect(record.date).toBe(date);
      expect(record.scheduledFor).toBe(record.slot === "1" ? `${date}T10:00:00.000Z` : `${date}T14:00:00.000Z`);
      expect(record.amount).toMatch(/^\d+\.\d{8}$/);
    }
    const sum = sumExact(records.map((record) => record.amount));
    expect(sum).toBe(exact(await ledgerSumOfDay(date)));
    // Every wallet was empty before the day, so the day's payouts are all the wallets hold.
    const [wallets] = await db().$queryRaw<{ total: string }[]>`SELECT sum(balance)::text AS total FROM wallets`;
    expect(sum).toBe(exact(wallets.total));
  });

  it("exports one slot with ?slot=N, and a VIEWER may read it; every export is audited with who and what", async () => {
    const response = await exportCsv({ cookie: viewer.cookie, date, query: "slot=2" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="slotpay-payouts-${date}-slot-2.csv"`);
    const { records } = csvRecords(await response.text());
    const ledger = await ledgerOfDay(date, 2);
    expect(ledger.length).toBeGreaterThan(0);
    expect(records.map((record) => [record.slot, record.kind, record.stakeId, record.amount])).toEqual(
      ledger.map((row) => [row.slot, row.kind, row.stakeId, row.amount]),
    );

    const audits = await exportAudits(viewer.email);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ outcome: "OK", details: { date, slotNumber: 2, format: "csv" } });
  });

  it("answers bad dates and slots with 400, unknown days and slots with 404, anonymous with 401: JSON, nothing audited", async () => {
    const before = await db().auditLog.count({ where: { action: "payouts.export" } });
    for (const bad of ["2030-13-01", "2030-02-30", "yesterday", "20300901"]) {
      await expectError(await exportCsv({ cookie: adminCookie, date: bad }), 400, "VALIDATION");
    }
    for (const query of ["slot=0", "slot=x", "slot=201", "slot=1.5", "slot="]) {
      await expectError(await exportCsv({ cookie: adminCookie, date, query }), 400, "VALIDATION");
    }
    await expectError(await exportCsv({ cookie: adminCookie, date: "2030-09-02" }), 404, "NOT_FOUND");
    await expectError(await exportCsv({ cookie: adminCookie, date, query: "slot=3" }), 404, "NOT_FOUND");
    await expectError(await exportCsv({ date }), 401, "UNAUTHENTICATED");
    expect(await db().auditLog.count({ where: { action: "payouts.export" } })).toBe(before);
  });
});

describe("the export's row sources", () => {
  const collect = async (batches: AsyncIterable<PayoutRow[]>) => {
    const rows: PayoutRow[] = [];
    for await (const batch of batches) rows.push(...batch);
    return rows;
  };

  it("keyset batches (the embedded database's source) give exactly the cursor's rows, across batch and kind boundaries", async () => {
    const scope = await findExportScope({ db: db(), date });
    const fromCursor = await collect(cursorPayoutRows({ databaseUrl: process.env.DATABASE_URL!, scope, batchSize: 3 }));
    expect(fromCursor).toHaveLength((await ledgerOfDay(date)).length);
    for (const batchSize of [1, 2, 3, 1000]) {
      expect(await collect(keysetPayoutRows({ db: db(), scope, batchSize }))).toEqual(fromCursor);
    }
  });
});
