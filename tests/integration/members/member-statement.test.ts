import { beforeAll, describe, expect, it } from "vitest";
import { GET as statementRoute } from "@/app/api/admin/members/[externalId]/statement/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db/client";
import { tick } from "@/lib/distribution/execution/tick";
import { createConsoleUser, signInAs } from "../../factories/users";
import { exact, queueDay, retireAllMembers, setUpExecution, sumExact, type Member } from "../../helpers/execution-data";
import { apiRequest, callRoute, expectError, readJson } from "../../helpers/http";
import { exportCsv } from "../../helpers/payouts-export";

process.env.SLOTPAY_LOG = "silent";

// The member statement support answers "why did I get this?" with, and the payout export's
// NDJSON and member filter: both must be the ledger, entry for entry.

const days = ["2033-05-01", "2033-05-02", "2033-05-03"];
let cookie: string;
let members: Member[];

type Statement = {
  member: { externalId: string; email: string };
  openingBalance: string;
  closingBalance: string;
  walletBalance: string;
  totals: { ros: string; premiumPool: string; performancePool: string; all: string };
  slots: {
    date: string;
    slotNumber: number;
    rosPercentage: string;
    ros: { stakeId: number; stakeExternalId: string | null; principal: string; amount: string }[];
    premiumPoolShare: string;
    performancePoolShare: string;
    total: string;
    balance: string;
  }[];
};

const statementOf = (externalId: string, query: string) =>
  callRoute(statementRoute, apiRequest(`/api/admin/members/${encodeURIComponent(externalId)}/statement?${query}`, { cookie }), {
    externalId,
  });

beforeAll(async () => {
  await retireAllMembers();
  let actor;
  ({ actor, members } = await setUpExecution({
    stakesStartedAt: "2033-01-01T00:00:00Z",
    members: [
      { score: "80", principals: ["2000", "333.33333333"] },
      { score: "60", principals: ["1000"] },
    ],
  }));
  await db().user.update({ where: { id: members[0].userId }, data: { externalId: "64b7f0c2a1e4d3b2c1a09f8e" } });
  await db().user.update({ where: { id: members[1].userId }, data: { externalId: "member-two" } });
  await db().stake.update({ where: { id: members[0].stakeIds[0] }, data: { externalId: "stake-a" } });
  for (const date of days) {
    await queueDay({
      actor,
      date,
      premium: "10",
      performance: "7",
      slots: [
        { slotNumber: 1, rosPercentage: "1.5", scheduledFor: `${date}T10:00:00.000Z` },
        { slotNumber: 2, rosPercentage: "0.25", scheduledFor: `${date}T14:00:00.000Z` },
      ],
    });
    await tick({ now: new Date(`${date}T10:00:01.000Z`) });
    await tick({ now: new Date(`${date}T14:00:01.000Z`) });
  }
  cookie = (await signInAs(await createConsoleUser({ role: "VIEWER" }))).cookie;
});

async function ledgerOfUser(userId: number, from: string, to: string) {
  return db().$queryRaw<{ date: string; slot_number: number; kind: string; subject_id: number; amount: string }[]>`
    SELECT d.date::text, s.slot_number, l.kind::text, l.subject_id, l.amount::text
    FROM ledger_entries l JOIN slots s ON s.id = l.slot_id JOIN days d ON d.id = s.day_id
    WHERE l.user_id = ${userId} AND d.date BETWEEN ${from}::date AND ${to}::date ORDER BY d.date, s.slot_number, l.kind, l.subject_id`;
}

describe("GET /api/admin/members/{externalId}/statement", () => {
  it("is the member's ledger slot by slot, with the balance before, after each slot and at the end", async () => {
    const externalId = "64b7f0c2a1e4d3b2c1a09f8e";
    const response = await statementOf(externalId, `from=${days[1]}&to=${days[2]}`);
    expect(response.status).toBe(200);
    const statement = await readJson<Statement>(response);
    const before = await ledgerOfUser(members[0].userId, "1970-01-01", days[0]);
    const inPeriod = await ledgerOfUser(members[0].userId, days[1], days[2]);
    expect(statement.openingBalance).toBe(sumExact(before.map((row) => exact(row.amount))));
    expect(statement.slots.map((slot) => `${slot.date}#${slot.slotNumber}`)).toEqual([
      `${days[1]}#1`,
      `${days[1]}#2`,
      `${days[2]}#1`,
      `${days[2]}#2`,
    ]);
    let balance = statement.openingBalance;
    for (const slot of statement.slots) {
      const rows = inPeriod.filter((row) => row.date === slot.date && row.slot_number === slot.slotNumber);
      const ros = rows.filter((row) => row.kind === "ROS");
      expect(slot.ros.map((entry) => [entry.stakeId, entry.amount])).toEqual(ros.map((row) => [row.subject_id, exact(row.amount)]));
      expect(slot.ros[0]).toMatchObject({ stakeExternalId: "stake-a", principal: "2000.00000000" });
      const pool = (kind: string) => sumExact(rows.filter((row) => row.kind === kind).map((row) => exact(row.amount)));
      expect([slot.premiumPoolShare, slot.performancePoolShare]).toEqual([pool("PREMIUM_POOL"), pool("PERFORMANCE_POOL")]);
      expect(slot.total).toBe(sumExact(rows.map((row) => exact(row.amount))));
      balance = sumExact([balance, slot.total]);
      expect(slot.balance).toBe(balance);
    }
    expect(statement.slots[0].rosPercentage).toBe("1.5");
    expect(statement.closingBalance).toBe(balance);
    expect(statement.totals.all).toBe(sumExact(inPeriod.map((row) => exact(row.amount))));
    // The period runs to the last payout: the closing balance is the wallet.
    expect(statement.walletBalance).toBe(statement.closingBalance);
    expect(statement.member).toMatchObject({ externalId });
  });

  it("answers the platform's key with payouts:read the same statement, audited under the key's name; other scopes get 403", async () => {
    const externalId = "64b7f0c2a1e4d3b2c1a09f8e";
    const query = `from=${days[0]}&to=${days[2]}`;
    const withKey = async (key: string) =>
      callRoute(
        statementRoute,
        apiRequest(`/api/admin/members/${externalId}/statement?${query}`, { headers: { authorization: `Bearer ${key}` } }),
        { externalId },
      );
    const actor = { email: "ops@platform.test" };
    const reader = await createApiKey({ actor, name: "statement reader", scopes: ["payouts:read"] });
    const writer = await createApiKey({ actor, name: "stakes writer", scopes: ["stakes:write"] });
    const keyed = await withKey(reader.key);
    expect(keyed.status).toBe(200);
    expect(await readJson<Statement>(keyed)).toEqual(await readJson<Statement>(await statementOf(externalId, query)));
    await expectError(await withKey(writer.key), 403, "FORBIDDEN");
    const audited = await db().auditLog.findMany({ where: { actorEmail: "api-key:statement reader" } });
    expect(audited.map((row) => [row.action, row.outcome, row.details])).toEqual([
      ["members.statement", "OK", { member: externalId, from: days[0], to: days[2] }],
    ]);
  });

  it("a period without payouts has no slots and keeps the balance", async () => {
    const statement = await readJson<Statement>(await statementOf("member-two", "from=2034-01-01&to=2034-01-31"));
    expect(statement.slots).toEqual([]);
    expect(statement.openingBalance).toBe(statement.closingBalance);
    expect(statement.openingBalance).toBe(statement.walletBalance);
    expect(Number(statement.openingBalance)).toBeGreaterThan(0);
  });

  it("refuses bad input with a 4xx JSON error", async () => {
    await expectError(await statementOf("no-such-member", "from=2033-05-01&to=2033-05-02"), 404, "NOT_FOUND");
    await expectError(await statementOf("member-two", "from=2033-05-02&to=2033-05-01"), 400, "VALIDATION");
    await expectError(await statementOf("member-two", "from=2032-01-01&to=2033-05-01"), 400, "VALIDATION");
    await expectError(await statementOf("member-two", "from=2033-05-01"), 400, "VALIDATION");
    await expectError(await statementOf("member-two", "from=2033-02-30&to=2033-05-01"), 400, "VALIDATION");
    await expectError(await statementOf("a b", "from=2033-05-01&to=2033-05-02"), 400, "VALIDATION");
    await expectError(await statementOf("x".repeat(192), "from=2033-05-01&to=2033-05-02"), 400, "VALIDATION");
    const anonymous = await callRoute(statementRoute, apiRequest("/api/admin/members/member-two/statement?from=2033-05-01&to=2033-05-02"), {
      externalId: "member-two",
    });
    await expectError(anonymous, 401, "UNAUTHENTICATED");
  });
});

describe("the payout export's NDJSON and member filter", () => {
  it("format=ndjson gives one JSON object per ledger entry of the member, with the platform's ids", async () => {
    const response = await exportCsv({ cookie, date: days[0], query: "format=ndjson&member=64b7f0c2a1e4d3b2c1a09f8e" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    const ledger = await ledgerOfUser(members[0].userId, days[0], days[0]);
    expect(lines.map((row) => [row.slotNumber, row.kind, row.kind === "ROS" ? row.stakeId : row.userId, row.amount])).toEqual(
      ledger.map((row) => [row.slot_number, row.kind, row.subject_id, row.amount]),
    );
    expect(lines.every((row) => row.userExternalId === "64b7f0c2a1e4d3b2c1a09f8e")).toBe(true);
    expect(lines.find((row) => row.stakeId === members[0].stakeIds[0])?.stakeExternalId).toBe("stake-a");
  });

  it("Accept: application/x-ndjson asks for NDJSON; CSV stays the default; the member filter works on CSV too", async () => {
    const byAccept = await callRoute(
      (await import("@/app/api/admin/daily-declaration-returns/days/[date]/payouts.csv/route")).GET,
      apiRequest(`/api/admin/daily-declaration-returns/days/${days[0]}/payouts.csv?slot=1`, {
        cookie,
        headers: { accept: "application/x-ndjson" },
      }),
      { date: days[0] },
    );
    expect(byAccept.headers.get("content-type")).toContain("application/x-ndjson");
    expect(
      (await byAccept.text())
        .trimEnd()
        .split("\n")
        .every((line) => JSON.parse(line).slotNumber === 1),
    ).toBe(true);
    const csv = await exportCsv({ cookie, date: days[0], query: "member=member-two" });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,slot,scheduledFor,kind,userId,userEmail,stakeId,amount");
    expect(lines.length - 1).toBe((await ledgerOfUser(members[1].userId, days[0], days[0])).length);
    expect(lines.slice(1).every((line) => line.split(",")[4] === String(members[1].userId))).toBe(true);
  });

  it("an unknown member is a 404 and a bad format a 400, nothing audited as exported", async () => {
    const exportsBefore = await db().auditLog.count({ where: { action: "payouts.export" } });
    await expectError(await exportCsv({ cookie, date: days[0], query: "member=nobody" }), 404, "NOT_FOUND");
    await expectError(await exportCsv({ cookie, date: days[0], query: "format=xml" }), 400, "VALIDATION");
    await expectError(await exportCsv({ cookie, date: days[0], query: "member=a%20b" }), 400, "VALIDATION");
    expect(await db().auditLog.count({ where: { action: "payouts.export" } })).toBe(exportsBefore);
  });
});
