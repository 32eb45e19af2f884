import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deriveDayStatus, type SlotStatus } from "@/lib/distribution/slot-status";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { calendarDateIn, instantOfLocalTime } from "@/lib/distribution/time-zone";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import { middayTimeZone, todayIn } from "../../helpers/today";

let admin: SignedIn;

type SettingsView = {
  timeZone: string;
  timezone: string;
  slots: { slotNumber: number; time: string }[];
  maxSlotsPerDay: number;
  maxRosPercentage: number;
  maxLatenessSeconds: number;
  maxAttempts: number;
  premiumMinStake: number;
  performanceMinScore: number;
  updatedAt: string;
};

async function getSettings(): Promise<SettingsView> {
  const response = await admin.api.settings();
  expect(response.status).toBe(200);
  return readJson<SettingsView>(response);
}

async function putSettings(change: object): Promise<SettingsView> {
  const body = await readJson<{ success: boolean; message: string; settings: SettingsView }>(
    await admin.api.putSettings(await withCode(admin, change)),
  );
  expect(body).toMatchObject({ success: true, message: "Settings updated" });
  return body.settings;
}

beforeAll(async () => {
  admin = await signedIn();
});

describe("GET/PUT cron-settings", () => {
  it("starts from SPEC §4's defaults", async () => {
    const settings = await getSettings();
    const zone = process.env.SLOTPAY_TIME_ZONE || "UTC";
    expect(settings).toEqual({
      timeZone: zone,
      timezone: zone,
      slots: [],
      maxSlotsPerDay: 48,
      maxRosPercentage: 10,
      maxDailyRosPercentage: 100,
      maxPoolAmount: 1_000_000,
      maxLatenessSeconds: 21_600,
      maxAttempts: 3,
      premiumMinStake: 1000,
      performanceMinScore: 50,
      updatedAt: expect.any(String),
    });
  });

  it("changes only what a partial update names", async () => {
    const before = await getSettings();
    const after = await putSettings({ maxRosPercentage: 7.5, maxAttempts: 5 });
    expect(after).toEqual({ ...before, maxRosPercentage: 7.5, maxAttempts: 5, updatedAt: expect.any(String) });
    expect(await getSettings()).toEqual(after);
  });

  it("replaces the slot list, sorted by number, and keeps it when a change leaves it out", async () => {
    const first = await putSettings({
      slots: [
        { slotNumber: 2, time: "10:00" },
        { slotNumber: 1, time: "08:00:30" },
      ],
    });
    expect(first.slots).toEqual([
      { slotNumber: 1, time: "08:00:30" },
      { slotNumber: 2, time: "10:00" },
    ]);
    expect((await putSettings({ maxLatenessSeconds: 3600 })).slots).toEqual(first.slots);
    const replaced = await putSettings({ slots: [{ slotNumber: 3, time: "12:00" }] });
    expect(replaced.slots).toEqual([{ slotNumber: 3, time: "12:00" }]);
    expect((await getSettings()).slots).toEqual([{ slotNumber: 3, time: "12:00" }]);
    expect((await putSettings({ slots: [] })).slots).toEqual([]);
  });

  it("takes timeZone or the seed's `timezone`, answers both names, and moves 'today' with it", async () => {
    expect(await putSettings({ timeZone: "Europe/London" })).toMatchObject({ timeZone: "Europe/London", timezone: "Europe/London" });
    expect(await putSettings({ timezone: "Pacific/Kiritimati" })).toMatchObject({
      timeZone: "Pacific/Kiritimati",
      timezone: "Pacific/Kiritimati",
    });
    const current = await readJson<DistributionStatus>(await admin.api.status());
    expect(current.timeZone).toBe("Pacific/Kiritimati");
    expect([
      calendarDateIn(new Date(Date.now() - 5_000), "Pacific/Kiritimati"),
      calendarDateIn(new Date(), "Pacific/Kiritimati"),
    ]).toContain(current.date);
  });

  it("uses the slot times for queued slots in the settings time zone", async () => {
    const zone = middayTimeZone();
    await putSettings({
      timeZone: zone,
      slots: [
        { slotNumber: 1, time: "08:00:30" },
        { slotNumber: 2, time: "23:59" },
      ],
    });
    const today = todayIn(zone);
    const queued = await expectSuccess(
      await admin.api.queue({
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 1 },
          { slotNumber: 2, rosPercentage: 1 },
        ],
      }),
    );
    expect(queued.distribution.distributionSlots.map((slot) => slot.scheduledFor)).toEqual([today.at("08:00:30"), today.at("23:59")]);
    expect(queued.distribution.distributionSlots[0].scheduledFor).toBe(instantOfLocalTime(today.date, "08:00:30", zone).toISOString());
    await db().slot.deleteMany();
    await db().day.deleteMany();
  });

  it("audits each change with before and after", async () => {
    const count = await db().auditLog.count({ where: { action: "settings.update", outcome: "OK" } });
    await putSettings({ performanceMinScore: 40 });
    const rows = await db().auditLog.findMany({ where: { action: "settings.update", outcome: "OK" }, orderBy: { id: "desc" } });
    expect(rows).toHaveLength(count + 1);
    expect(rows[0]).toMatchObject({
      actorId: admin.user.id,
      actorEmail: admin.user.email,
      before: { performanceMinScore: 50 },
      after: { performanceMinScore: 40 },
    });
    await putSettings({ performanceMinScore: 50 });
  });

  it("refuses a slot time above maxSlotsPerDay, also when both change together", async () => {
    await expectError(await admin.api.putSettings({ maxSlotsPerDay: 2, slots: [{ slotNumber: 3, time: "12:00" }] }), 400, "VALIDATION");
    const accepted = await putSettings({ maxSlotsPerDay: 3, slots: [{ slotNumber: 3, time: "12:00" }] });
    expect(accepted).toMatchObject({ maxSlotsPerDay: 3, slots: [{ slotNumber: 3, time: "12:00" }] });
    await putSettings({ maxSlotsPerDay: 48, slots: [] });
  });
});

describe("GET preview", () => {
  type Preview = {
    asOf: string;
    rosPercentage: number | null;
    ros: { processedStakes: number; totalDistributed: number } | null;
    premiumPool: { qualifiedUsers: number; minStake: number; unpaidToday: number };
    performancePool: { qualifiedUsers: number; minScore: number; unpaidToday: number };
  };
  const preview = async (query: Record<string, string> = {}) => {
    const response = await admin.api.preview(query);
    expect(response.status).toBe(200);
    return readJson<Preview>(response);
  };

  beforeAll(async () => {
    const dayAgo = new Date(Date.now() - 24 * 3600_000);
    const later = new Date(Date.now() + 24 * 3600_000);
    const member = (performanceScore: string) =>
      db().user.create({ data: { email: `member-${performanceScore}-${Math.random()}@slotpay.test`, performanceScore } });
    const [a, b, c, d] = await Promise.all([member("80"), member("50"), member("49.99999999"), member("0")]);
    await db().stake.createMany({
      data: [
        { userId: a.id, principal: "333.33333333", status: "ACTIVE", startedAt: dayAgo },
        { userId: a.id, principal: "5000", status: "ENDED", startedAt: dayAgo, endedAt: new Date() },
        { userId: b.id, principal: "1000", status: "ACTIVE", startedAt: dayAgo },
        { userId: b.id, principal: "700", status: "ACTIVE", startedAt: later }, // not started yet
        { userId: c.id, principal: "0.00000001", status: "ACTIVE", startedAt: dayAgo },
        { userId: d.id, principal: "2.5", status: "ACTIVE", startedAt: dayAgo },
      ],
    });
    await putSettings({ timeZone: middayTimeZone(), premiumMinStake: 1000, performanceMinScore: 50 });
  });

  it("projects the ROS of active, started stakes, floored at 8 places", async () => {
    const result = await preview({ rosPercentage: "1.5" });
    // 333.33333333 × 1.5% = 4.9999999999… → 4.99999999; 1000 → 15; 0.00000001 → 0; 2.5 → 0.0375.
    expect(result).toMatchObject({ rosPercentage: 1.5, ros: { processedStakes: 4, totalDistributed: 20.03749999 } });
    expect(Math.abs(Date.parse(result.asOf) - Date.now())).toBeLessThan(60_000);
  });

  it("floors each stake before summing", async () => {
    // 6.6666666666 → 6.66666666; 20; 0.0000000002 → 0; 0.05.
    expect((await preview({ rosPercentage: "2" })).ros).toEqual({ processedStakes: 4, totalDistributed: 26.71666666 });
    // 333.33333333 × 0.00000001% → 0.0000000333… → 0.00000003; the rest floor to 0.00000010 and 0.
    expect((await preview({ rosPercentage: "0.00000001" })).ros).toEqual({ processedStakes: 4, totalDistributed: 0.00000013 });
  });

  it("counts who qualifies for each pool under the settings minimums", async () => {
    const result = await preview();
    expect(result.ros).toBeNull();
    expect(result.rosPercentage).toBeNull();
    expect(result.premiumPool).toEqual({ qualifiedUsers: 1, minStake: 1000, unpaidToday: 0 });
    expect(result.performancePool).toEqual({ qualifiedUsers: 2, minScore: 50, unpaidToday: 0 });

    await putSettings({ premiumMinStake: 300, performanceMinScore: 49.99999999 });
    const lower = await preview();
    expect(lower.premiumPool).toMatchObject({ qualifiedUsers: 2, minStake: 300 });
    expect(lower.performancePool).toMatchObject({ qualifiedUsers: 3, minScore: 49.99999999 });
    await putSettings({ premiumMinStake: 1000, performanceMinScore: 50 });
  });

  it("shows what is left to pay of today's pools", async () => {
    const date = todayIn(middayTimeZone()).date;
    await db().day.create({
      data: {
        date: new Date(`${date}T00:00:00Z`),
        premiumPoolAmount: "5000",
        performancePoolAmount: "3000.5",
        premiumPoolPaid: "2000.25",
        performancePoolPaid: "0",
      },
    });
    const result = await preview();
    expect(result.premiumPool.unpaidToday).toBe(2999.75);
    expect(result.performancePool.unpaidToday).toBe(3000.5);
    await db().day.deleteMany();
  });
});

describe("GET history", () => {
  type HistoryDay = DistributionStatus & {
    totals: { processedStakes: number; rosDistributed: number; premiumDistributed: number; performanceDistributed: number };
  };
  type History = { from: string; to: string; timeZone: string; days: HistoryDay[] };
  const history = async (query: Record<string, string> = {}) => {
    const response = await admin.api.history(query);
    expect(response.status).toBe(200);
    return readJson<History>(response);
  };

  let today: ReturnType<typeof todayIn>;

  async function pastDay(
    shift: number,
    slots: { status: SlotStatus; stakes?: number; ros?: number }[],
    paid: { premium: string; performance: string },
  ) {
    const date = today.shift(shift);
    await db().day.create({
      data: {
        date: new Date(`${date}T00:00:00Z`),
        premiumPoolAmount: "5000",
        performancePoolAmount: "3000",
        premiumPoolPaid: paid.premium,
        performancePoolPaid: paid.performance,
        status: deriveDayStatus(slots.map((slot) => slot.status)),
        slots: {
          create: slots.map((slot, index) => ({
            slotNumber: index + 1,
            rosPercentage: "1",
            scheduledFor: new Date(`${date}T${String(8 + index).padStart(2, "0")}:00:00Z`),
            status: slot.status,
            attempts: 1,
            executionDetails:
              slot.status === "COMPLETED"
                ? { executedAt: `${date}T08:00:05Z`, rosStats: { processedStakes: slot.stakes ?? 0, totalDistributed: slot.ros ?? 0 } }
                : { executedAt: `${date}T08:00:05Z`, error: "payout rolled back" },
          })),
        },
      },
    });
  }

  beforeAll(async () => {
    await db().day.deleteMany();
    const zone = middayTimeZone();
    await putSettings({ timeZone: zone });
    today = todayIn(zone);
    await pastDay(
      -1,
      [{ status: "COMPLETED", stakes: 150, ros: 3750.5 }, { status: "COMPLETED", stakes: 150, ros: 100.25 }, { status: "FAILED" }],
      { premium: "5000", performance: "1500.5" },
    );
    await pastDay(-2, [{ status: "COMPLETED", stakes: 10, ros: 1 }], { premium: "0", performance: "0" });
    await pastDay(-40, [{ status: "FAILED" }], { premium: "0", performance: "0" });
  });

  it("returns the days in range, newest first, with their slots and totals", async () => {
    const result = await history({ from: today.shift(-5), to: today.date });
    expect(result).toMatchObject({ from: today.shift(-5), to: today.date, timeZone: today.timeZone });
    expect(result.days.map((day) => day.date)).toEqual([today.shift(-1), today.shift(-2)]);
    const [latest, earlier] = result.days;
    expect(latest).toMatchObject({ exists: true, status: "FAILED", counts: { COMPLETED: 2, FAILED: 1, PENDING: 0, EXECUTING: 0 } });
    expect(latest.distributionSlots.map((slot) => [slot.slotNumber, slot.status])).toEqual([
      [1, "COMPLETED"],
      [2, "COMPLETED"],
      [3, "FAILED"],
    ]);
    expect(latest.totals).toEqual({
      processedStakes: 300,
      rosDistributed: 3850.75,
      premiumDistributed: 5000,
      performanceDistributed: 1500.5,
    });
    expect(earlier).toMatchObject({
      status: "COMPLETED",
      totals: { processedStakes: 10, rosDistributed: 1, premiumDistributed: 0, performanceDistributed: 0 },
    });
  });

  it("covers the last 30 days by default", async () => {
    const result = await history();
    expect(result.to).toBe(today.date);
    expect(result.from).toBe(today.shift(-30));
    expect(result.days.map((day) => day.date)).toEqual([today.shift(-1), today.shift(-2)]);
  });

  it("returns a single day, and none outside the range", async () => {
    expect((await history({ from: today.shift(-40), to: today.shift(-40) })).days.map((day) => [day.date, day.status])).toEqual([
      [today.shift(-40), "FAILED"],
    ]);
    expect((await history({ from: today.shift(-39), to: today.shift(-3) })).days).toEqual([]);
  });

  it("refuses a range longer than 366 days", async () => {
    await expectError(await admin.api.history({ from: today.shift(-400), to: today.date }), 400, "VALIDATION");
    expect((await history({ from: today.shift(-366), to: today.date })).days).toHaveLength(3);
  });
});
