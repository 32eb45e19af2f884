import { beforeAll, describe, expect, it } from "vitest";
import type { AuditLogPage } from "@/lib/audit/list-audit-log";
import { tick } from "@/lib/distribution/execution/tick";
import { instantOfLocalTime } from "@/lib/distribution/time-zone";
import { createActor, queueDay } from "../../helpers/execution-data";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { exportCsv } from "../../helpers/payouts-export";
import { queueAs, slots, useChecklistSettings } from "../../helpers/seed-000-checklist";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import type { Today } from "../../helpers/today";

process.env.SLOTPAY_LOG = "silent";

// GET /api/admin/audit-log's filters over entries written by real changes, executions,
// refusals and exports.

let admin: SignedIn;
let viewer: SignedIn;
let today: Today;
const otherDay = "2030-11-05";

beforeAll(async () => {
  ({ admin, today } = await useChecklistSettings());
  viewer = await signedIn("VIEWER");
  await queueDay({
    actor: await createActor(),
    date: otherDay,
    premium: "1",
    performance: "1",
    slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: instantOfLocalTime(otherDay, "10:00", today.timeZone).toISOString() }],
  });
  await queueAs(admin, {
    premiumPoolAmount: 10,
    distributionSlots: [
      { slotNumber: 1, rosPercentage: 1, time: "11:00" },
      { slotNumber: 2, rosPercentage: 1, time: "13:00" },
    ],
  });
  expect((await tick({ now: new Date(today.at("11:00:01")) })).executed).toMatchObject([{ slotNumber: 1, status: "COMPLETED" }]);
  await expectSuccess(await admin.api.modify(await withCode(admin, { distributionSlots: [{ slotNumber: 2, rosPercentage: 2 }] })));
  await expectError(await viewer.api.modify({ distributionSlots: slots([2, 3]) }), 403, "FORBIDDEN");
  for (const query of ["slot=1", "slot=2"]) expect((await exportCsv({ cookie: viewer.cookie, date: today.date, query })).status).toBe(200);
});

async function auditLog(query: Record<string, string>, who: SignedIn = admin): Promise<AuditLogPage> {
  const response = await who.api.auditLog(query);
  expect(response.status).toBe(200);
  return readJson<AuditLogPage>(response);
}
const actionsOf = (page: AuditLogPage) => page.entries.map((entry) => entry.action);

describe("GET /api/admin/audit-log filters", () => {
  it("by action, outcome and actor (case-insensitive part of the email, wildcards taken literally)", async () => {
    const modifies = await auditLog({ action: "distribution.modify" });
    expect(modifies.entries.map((entry) => entry.outcome).sort()).toEqual(["OK", "REFUSED"]);
    expect(modifies.actions).toEqual(
      expect.arrayContaining(["distribution.modify", "distribution.queue", "slot.execute", "payouts.export"]),
    );

    const refused = await auditLog({ outcome: "REFUSED" });
    expect(refused.total).toBe(1);
    expect(refused.entries[0]).toMatchObject({ action: "distribution.modify", actor: { email: viewer.user.email } });

    const byViewer = await auditLog({ actor: viewer.user.email.slice(0, 12).toUpperCase() }, viewer);
    expect(actionsOf(byViewer).sort()).toEqual(["distribution.modify", "payouts.export", "payouts.export"]);
    expect((await auditLog({ actor: "%" })).total).toBe(0);
    expect((await auditLog({ actor: viewer.user.email, action: "payouts.export", outcome: "OK" })).total).toBe(2);
    expect((await auditLog({ action: "", outcome: "", actor: "" })).total).toBe((await auditLog({})).total);
  });

  it("by the days they were recorded (from/to, inclusive, in the settings' time zone)", async () => {
    const all = await auditLog({ pageSize: "200" });
    const recordedToday = await auditLog({ from: today.date, to: today.date, pageSize: "200" });
    expect(recordedToday.timeZone).toBe(today.timeZone);
    expect(recordedToday.total).toBe(all.total);
    expect((await auditLog({ to: today.shift(-1) })).total).toBe(0);
    expect((await auditLog({ from: today.shift(1) })).total).toBe(0);
    expect((await auditLog({ from: today.shift(-1) })).total).toBe(all.total);
  });

  it("the entries of one day: its changes, its slots' executions and its exports, not another day's", async () => {
    const day = await auditLog({ date: today.date });
    expect(actionsOf(day).sort()).toEqual([
      "distribution.modify",
      "distribution.queue",
      "payouts.export",
      "payouts.export",
      "slot.execute",
    ]);
    const other = await auditLog({ date: otherDay });
    expect(actionsOf(other)).toEqual(["distribution.queue"]);
    expect((await auditLog({ date: "2030-11-06" })).total).toBe(0);
  });

  it("the entries of one slot: its execution and export, and the changes that changed it", async () => {
    const slot1 = await auditLog({ date: today.date, slot: "1" });
    expect(actionsOf(slot1)).toEqual(["payouts.export", "slot.execute", "distribution.queue"]);
    expect(slot1.entries[0].details).toMatchObject({ slotNumber: 1 });
    const slot2 = await auditLog({ date: today.date, slot: "2" });
    expect(actionsOf(slot2)).toEqual(["payouts.export", "distribution.modify", "distribution.queue"]);
    expect((await auditLog({ date: today.date, slot: "3" })).total).toBe(0);
  });

  it("pages through the same filtered entries", async () => {
    const all = await auditLog({ date: today.date });
    const pages = [
      await auditLog({ date: today.date, pageSize: "2", page: "1" }),
      await auditLog({ date: today.date, pageSize: "2", page: "2" }),
    ];
    expect(pages.map((page) => page.total)).toEqual([all.total, all.total]);
    expect(pages.flatMap((page) => page.entries.map((entry) => entry.id))).toEqual(all.entries.slice(0, 4).map((entry) => entry.id));
  });

  it("refuses bad filters with 400", async () => {
    const bad: Record<string, string>[] = [
      { outcome: "MAYBE" },
      { from: "2030-02-30" },
      { from: "2030-02-02", to: "2030-02-01" },
      { slot: "1" },
      { date: today.date, slot: "0" },
      { date: "today" },
      { action: "x".repeat(101) },
    ];
    for (const query of bad) {
      await expectError(await admin.api.auditLog(query), 400, "VALIDATION");
    }
  });
});
