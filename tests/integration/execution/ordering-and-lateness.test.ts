import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { reapExpiredLeases } from "@/lib/distribution/execution/reap-expired-leases";
import { tick } from "@/lib/distribution/execution/tick";
import {
  completedDetails,
  dayOf,
  executionSettings,
  expectLedgerOk,
  failedDetails,
  ledgerOf,
  queueDay,
  setSettings,
  setUpExecution,
  slotOf,
  type Actor,
} from "../../helpers/execution-data";

process.env.SLOTPAY_LOG = "silent";

// SPEC §2/§4/§7: the order of a day's slots, slots missed beyond maxLateness, the lease reaper,
// and one EXECUTING slot holding back its own day only.

let actor: Actor;
const pools = { premium: "4", performance: "0" };

/** Marks a slot as claimed by an executor that is gone, as the claim would have left it. */
async function markExecuting(slotId: number, options: { leaseExpiresAt: string; attempts: number }) {
  await db().$executeRaw`
    UPDATE slots SET status = 'EXECUTING', lease_owner = 'gone-executor', lease_expires_at = ${new Date(options.leaseExpiresAt)},
                     attempts = ${options.attempts}
    WHERE id = ${slotId}`;
  await db().$executeRaw`UPDATE days SET status = 'EXECUTING' WHERE id = (SELECT day_id FROM slots WHERE id = ${slotId})`;
}

beforeAll(async () => {
  ({ actor } = await setUpExecution({ stakesStartedAt: "2030-06-01T00:00:00Z", members: [{ score: "100", principals: ["1000"] }] }));
});

beforeEach(async () => {
  await setSettings(executionSettings);
});

describe("order of a day's slots", () => {
  it("runs due slots in (scheduledFor, slotNumber) order: same-time slots by number", async () => {
    const date = "2030-07-01";
    await queueDay({
      actor,
      date,
      ...pools,
      slots: [
        { slotNumber: 3, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` },
        { slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` },
        { slotNumber: 2, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` },
        { slotNumber: 4, rosPercentage: "1", scheduledFor: `${date}T09:59:59.999Z` },
      ],
    });
    const result = await tick({ now: new Date(`${date}T10:00:01Z`) });
    expect(result.executed.map((outcome) => [outcome.slotNumber, outcome.status])).toEqual([
      [4, "COMPLETED"],
      [1, "COMPLETED"],
      [2, "COMPLETED"],
      [3, "COMPLETED"],
    ]);
    const day = await dayOf(date);
    const byStart = day.slots
      .map((slot) => ({ slotNumber: slot.slotNumber, details: completedDetails.parse(slot.executionDetails) }))
      .sort((x, y) => Date.parse(x.details.executedAt) - Date.parse(y.details.executedAt) || x.slotNumber - y.slotNumber);
    expect(byStart.map((run) => run.slotNumber)).toEqual([4, 1, 2, 3]);
    for (let i = 1; i < byStart.length; i++) {
      expect(Date.parse(byStart[i].details.executedAt)).toBeGreaterThanOrEqual(Date.parse(byStart[i - 1].details.completedAt));
    }
    // The day's premium pool went to the first slot that ran, slot 4.
    expect(byStart.map((run) => run.details.premiumPoolStats.totalDistributedExact)).toEqual(["4", "0", "0", "0"]);
    expect(day.status).toBe("COMPLETED");
  });
});

describe("slots missed beyond maxLateness", () => {
  it("fails a slot later than maxLateness with the reason, pays nothing for it, and still runs the others", async () => {
    await setSettings({ maxLatenessSeconds: 3600 });
    const date = "2030-07-02";
    await queueDay({
      actor,
      date,
      ...pools,
      slots: [
        { slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T08:00:00.000Z` }, // 4 h late
        { slotNumber: 2, rosPercentage: "1", scheduledFor: `${date}T11:00:00.000Z` }, // exactly maxLateness late: still runs
        { slotNumber: 3, rosPercentage: "1", scheduledFor: `${date}T11:30:00.000Z` },
      ],
    });
    const missedSlot = await slotOf(date, 1);
    const result = await tick({ now: new Date(`${date}T12:00:00Z`) });

    expect(result.missed).toEqual([{ slotId: missedSlot.id, dayId: missedSlot.dayId, date, slotNumber: 1 }]);
    expect(result.executed.map((outcome) => [outcome.slotNumber, outcome.status])).toEqual([
      [2, "COMPLETED"],
      [3, "COMPLETED"],
    ]);
    const failed = await slotOf(date, 1);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 0, leaseOwner: null });
    const details = failedDetails.parse(failed.executionDetails);
    expect(details.error).toMatch(/missed/i);
    expect(details.error).toContain("3600 s");
    expect(details.error).toContain("2030-07-02T08:00:00.000Z");
    expect(failed.attemptHistory).toEqual([
      { attempt: 1, startedAt: "2030-07-02T12:00:00.000Z", endedAt: "2030-07-02T12:00:00.000Z", outcome: "MISSED", error: details.error },
    ]);
    expect(failed.executionDetails).not.toHaveProperty("rosStats");
    expect(await ledgerOf(failed.id)).toEqual([]);
    expect(await db().auditLog.count({ where: { action: "slot.missed", details: { path: ["slotId"], equals: failed.id } } })).toBe(1);

    // The pools went to slot 2, the first slot that actually ran.
    expect(completedDetails.parse((await slotOf(date, 2)).executionDetails).premiumPoolStats.totalDistributedExact).toBe("4");
    expect((await dayOf(date)).status).toBe("FAILED");

    // Never executed late by a later tick either.
    expect((await tick({ now: new Date(`${date}T12:30:00Z`) })).executed).toEqual([]);
    expect((await slotOf(date, 1)).status).toBe("FAILED");
    await expectLedgerOk();
  });
});

describe("the lease reaper", () => {
  it("returns an EXECUTING slot whose lease expired to PENDING with one more attempt, and fails it at maxAttempts", async () => {
    const date = "2030-07-03";
    await queueDay({ actor, date, ...pools, slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: `${date}T10:00:00.000Z` }] });
    const slot = await slotOf(date, 1);
    await markExecuting(slot.id, { leaseExpiresAt: `${date}T10:00:30Z`, attempts: 0 });

    expect(await reapExpiredLeases({ now: new Date(`${date}T10:00:29Z`), maxAttempts: 3 })).toEqual([]);
    expect((await slotOf(date, 1)).status).toBe("EXECUTING");

    expect(await reapExpiredLeases({ now: new Date(`${date}T10:00:31Z`), maxAttempts: 3 })).toEqual([
      { slotId: slot.id, dayId: slot.dayId, date, slotNumber: 1, status: "PENDING", attempts: 1 },
    ]);
    expect(await slotOf(date, 1)).toMatchObject({
      status: "PENDING",
      attempts: 1,
      leaseOwner: null,
      leaseExpiresAt: null,
      executionDetails: null,
    });
    expect((await dayOf(date)).status).toBe("PENDING");
    const lost = (attempt: number, of: string) => ({
      attempt,
      startedAt: of, // no claim of this process recorded its start: the lease's expiry stands in for it
      endedAt: null,
      outcome: "LEASE_EXPIRED",
      error: `The executor stopped responding (lease expired) on attempt ${attempt} of 3`,
    });
    expect((await slotOf(date, 1)).attemptHistory).toEqual([lost(1, "2030-07-03T10:00:30.000Z")]);

    // The third attempt's executor dies too: the tick's reaper gives up, and nothing runs it.
    await markExecuting(slot.id, { leaseExpiresAt: `${date}T10:02:00Z`, attempts: 2 });
    const result = await tick({ now: new Date(`${date}T10:05:00Z`) });
    expect(result.reaped).toEqual([{ slotId: slot.id, dayId: slot.dayId, date, slotNumber: 1, status: "FAILED", attempts: 3 }]);
    expect(result.executed).toEqual([]);
    const failed = await slotOf(date, 1);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 3, leaseOwner: null, leaseExpiresAt: null });
    expect(failedDetails.parse(failed.executionDetails)).toMatchObject({
      executedAt: "2030-07-03T10:02:00.000Z",
      failedAt: "2030-07-03T10:05:00.000Z",
      error: expect.stringMatching(/lease expired.*3 of 3/),
    });
    // The history numbers attempts over the slot's life; `attempts` was set to 2 by hand above.
    expect(failed.attemptHistory).toEqual([lost(1, "2030-07-03T10:00:30.000Z"), { ...lost(3, "2030-07-03T10:02:00.000Z"), attempt: 2 }]);
    expect(await ledgerOf(slot.id)).toEqual([]);
    expect((await dayOf(date)).status).toBe("FAILED");
    await expectLedgerOk();
  });
});

describe("an EXECUTING slot", () => {
  it("holds back the next slot of its own day, not a slot of another day", async () => {
    await setSettings({ maxLatenessSeconds: 86_400 });
    const dayA = "2030-07-04";
    const dayB = "2030-07-05";
    await queueDay({
      actor,
      date: dayA,
      ...pools,
      slots: [
        { slotNumber: 1, rosPercentage: "1", scheduledFor: `${dayA}T23:00:00.000Z` },
        { slotNumber: 2, rosPercentage: "1", scheduledFor: `${dayA}T23:30:00.000Z` },
      ],
    });
    await queueDay({ actor, date: dayB, ...pools, slots: [{ slotNumber: 1, rosPercentage: "1", scheduledFor: `${dayB}T00:10:00.000Z` }] });
    const inFlight = await slotOf(dayA, 1);
    await markExecuting(inFlight.id, { leaseExpiresAt: `${dayB}T01:00:00Z`, attempts: 0 });

    const blocked = await tick({ now: new Date(`${dayB}T00:20:00Z`) });
    expect(blocked.executed).toEqual([expect.objectContaining({ slotId: (await slotOf(dayB, 1)).id, status: "COMPLETED" })]);
    expect((await slotOf(dayA, 2)).status).toBe("PENDING");
    expect(await ledgerOf((await slotOf(dayA, 2)).id)).toEqual([]);
    expect((await dayOf(dayA)).status).toBe("EXECUTING");

    // Once its lease runs out the day moves again, in order: slot 1 (re-run), then slot 2.
    const resumed = await tick({ now: new Date(`${dayB}T01:00:01Z`) });
    expect(resumed.reaped).toMatchObject([{ slotId: inFlight.id, status: "PENDING", attempts: 1 }]);
    expect(resumed.executed.map((outcome) => [outcome.slotNumber, outcome.status, outcome.dayId])).toEqual([
      [1, "COMPLETED", inFlight.dayId],
      [2, "COMPLETED", inFlight.dayId],
    ]);
    expect((await dayOf(dayA)).status).toBe("COMPLETED");
    await expectLedgerOk();
  });
});
