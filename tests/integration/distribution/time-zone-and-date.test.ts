import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimDueSlot } from "@/lib/distribution/execution/claim-due-slot";
import { tick } from "@/lib/distribution/execution/tick";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { resetDays, snapshotState } from "../../helpers/db-state";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import { todayIn, useMiddayTimeZone, type Today } from "../../helpers/today";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 10: a time-zone change made "today" jump and opened a second day that paid the
// pools again, while the first day's pending slots could no longer be reached (404). The zone
// cannot change while a day has slots to run, and every slot is reachable by its day's date.

let admin: SignedIn;
let today: Today;

const actorOf = (who: SignedIn) => ({ id: who.user.id, email: who.user.email });

/** A day dated yesterday (in the settings zone) whose one slot the real tick failed as missed. */
async function yesterdayWithAFailedSlot(): Promise<string> {
  const yesterday = today.shift(-1);
  const at = todayIn(today.timeZone, new Date(Date.parse(today.at("12:00")) - 86_400_000));
  expect(at.date).toBe(yesterday);
  await queueDistribution({
    actor: actorOf(admin),
    now: new Date(at.at("12:00")),
    request: {
      premiumPoolAmount: "5000",
      performancePoolAmount: "3000",
      description: "Yesterday",
      multiSlotEnabled: true,
      slots: [
        { slotNumber: 1, rosPercentage: "1", time: "12:30" },
        { slotNumber: 2, rosPercentage: "1", time: "13:30" },
      ],
    },
  });
  const result = await tick();
  expect(result.missed.map((slot) => [slot.date, slot.slotNumber])).toEqual([
    [yesterday, 1],
    [yesterday, 2],
  ]);
  return yesterday;
}

beforeAll(async () => {
  today = await useMiddayTimeZone();
  admin = await signedIn();
  await expectSuccess(await admin.api.putSettings(await withCode(admin, { maxAttempts: 3 })));
});

beforeEach(async () => {
  await resetDays();
  await db().settings.update({ where: { id: 1 }, data: { timeZone: today.timeZone } });
});

describe("changing the time zone", () => {
  it("is refused with 409 while a day has PENDING slots, naming the day and its counts; nothing changes", async () => {
    await expectSuccess(
      await admin.api.queue({
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 1, time: "22:00" },
          { slotNumber: 2, rosPercentage: 1, time: "23:00" },
        ],
      }),
    );
    const before = await snapshotState();
    for (const body of [{ timeZone: "Etc/GMT+12" }, { timezone: "Pacific/Kiritimati", maxAttempts: 5 }]) {
      const refused = await expectError(await admin.api.putSettings(body), 409, "CONFLICT");
      expect(refused.message).toContain(`${today.date} (2 PENDING, 0 EXECUTING)`);
      expect(refused.details).toEqual({ days: [{ date: today.date, PENDING: 2, EXECUTING: 0 }] });
      expect(await snapshotState()).toEqual(before);
    }
    // The same zone is no change of "today": other settings still change.
    const same = await readJson<{ settings: { maxAttempts: number } }>(
      await admin.api.putSettings({ timeZone: today.timeZone, maxAttempts: 4 }),
    );
    expect(same.settings.maxAttempts).toBe(4);
  });

  it("counts an EXECUTING slot too, and is allowed once no day has slots left to run", async () => {
    await expectSuccess(await admin.api.queue({ distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "00:30" }] }));
    const claim = await claimDueSlot({ now: new Date(), leaseOwner: "time-zone-test" });
    expect(claim).toMatchObject({ date: today.date, slotNumber: 1 });
    const refused = await expectError(await admin.api.putSettings({ timeZone: "Etc/GMT+12" }), 409, "CONFLICT");
    expect(refused.details).toEqual({ days: [{ date: today.date, PENDING: 0, EXECUTING: 1 }] });

    await db().slot.updateMany({ data: { status: "FAILED" } });
    const changed = await readJson<{ settings: { timeZone: string } }>(await admin.api.putSettings({ timeZone: "Etc/GMT+12" }));
    expect(changed.settings.timeZone).toBe("Etc/GMT+12");
  });
});

describe("a day addressed by its date", () => {
  it("keeps an earlier day's slots reachable: retry, modify and the day's view by date", async () => {
    const yesterday = await yesterdayWithAFailedSlot();
    // Today's routes do not see yesterday's day …
    expect((await expectError(await admin.api.retry(1), 404, "NOT_FOUND")).message).toBe("No distribution is queued for today");
    // … its date does.
    const retried = await expectSuccess(await admin.api.retry(1, { date: yesterday }));
    expect(retried.distribution).toMatchObject({ date: yesterday, version: 2 });
    expect(retried.distribution.distributionSlots.map((slot) => slot.status)).toEqual(["PENDING", "FAILED"]);
    await expectError(await admin.api.retry(1, { date: yesterday }), 409, "CONFLICT");
    expect((await expectError(await admin.api.retry(7, { date: yesterday }), 404, "NOT_FOUND")).message).toBe(
      `Slot 7 does not exist on ${yesterday}`,
    );

    // A new time must fall on the day's date; its retried slot can be withdrawn before it runs.
    const offDate = { date: yesterday, distributionSlots: [{ slotNumber: 3, rosPercentage: 1, scheduledFor: today.at("12:00") }] };
    expect((await expectError(await admin.api.modify(offDate), 400, "VALIDATION")).message).toContain(`not the day's date (${yesterday})`);
    const withdrawn = await expectSuccess(
      await admin.api.modify({ date: yesterday, distributionSlots: [{ slotNumber: 2, rosPercentage: 1 }] }),
    );
    expect(withdrawn.distribution).toMatchObject({ date: yesterday, version: 3, status: "FAILED" });
    expect(withdrawn.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status])).toEqual([[2, "FAILED"]]);

    const view = await readJson<DistributionStatus>(await admin.api.day(yesterday));
    expect(view).toEqual(withdrawn.distribution);
  });

  it("answers a date without a day like today does, refuses a queue for another date, and a bad date with 400", async () => {
    const view = await readJson<DistributionStatus>(await admin.api.day("2031-01-01"));
    expect(view).toMatchObject({ exists: false, date: "2031-01-01", version: null, distributionSlots: [] });
    const refused = await expectError(
      await admin.api.queue({ date: today.shift(1), distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "12:00" }] }),
      404,
      "NOT_FOUND",
    );
    expect(refused.message).toBe(`No distribution on ${today.shift(1)}; a new day can only be queued for today (${today.date})`);
    await expectError(await admin.api.day("0000-01-01"), 400, "VALIDATION");
    await expectError(await admin.api.day("2026-13-01"), 400, "VALIDATION");
    await expectError(await admin.api.retry(1, { date: "yesterday" }), 400, "VALIDATION");
  });
});
