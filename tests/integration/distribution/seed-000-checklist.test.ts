import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { codeFor } from "../../factories/users";
import { resetDays, snapshotState, storedSlots } from "../../helpers/db-state";
import { claimSlot, dayIdOf, finishSlot, simulateExecution } from "../../helpers/execution";
import { expectError, expectSuccess, readJson, type MutationSuccess } from "../../helpers/http";
import { clientFor } from "../../helpers/routes";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import { useMiddayTimeZone, type Today } from "../../helpers/today";

// Seed 000's testing checklist, sections 1, 3 and 5, through the route handlers.

let admin: SignedIn;
let today: Today;

const executingMessage = "Cannot modify distribution while slots are executing";
const slots = (...pairs: [number, number][]) => pairs.map(([slotNumber, rosPercentage]) => ({ slotNumber, rosPercentage }));

async function queue(body: object): Promise<MutationSuccess> {
  return expectSuccess(await admin.api.queue(await withCode(admin, body)));
}

async function status(): Promise<DistributionStatus> {
  const response = await admin.api.status();
  expect(response.status).toBe(200);
  return readJson<DistributionStatus>(response);
}

const todayDayId = () => dayIdOf(today.date);

beforeAll(async () => {
  today = await useMiddayTimeZone({ slotTimes: { "1": "08:00", "2": "10:00", "3": "14:00", "4": "18:00", "5": "20:00" } });
  admin = await signedIn();
});

beforeEach(resetDays);

describe("1. queue a new multi-slot distribution", () => {
  it("POST /queue creates every slot PENDING with executionDetails null", async () => {
    const body = await queue({
      premiumPoolAmount: 5000,
      performancePoolAmount: 3000,
      description: "Morning distributions",
      multiSlot: true,
      distributionSlots: slots([1, 2.5], [2, 3], [3, 2]),
    });
    expect(body.message).toBe("Distribution queued successfully");
    expect(body.distribution.distributionSlots).toEqual([
      { slotNumber: 1, rosPercentage: 2.5, scheduledFor: today.at("08:00"), status: "PENDING", attempts: 0, executionDetails: null },
      { slotNumber: 2, rosPercentage: 3, scheduledFor: today.at("10:00"), status: "PENDING", attempts: 0, executionDetails: null },
      { slotNumber: 3, rosPercentage: 2, scheduledFor: today.at("14:00"), status: "PENDING", attempts: 0, executionDetails: null },
    ]);

    const stored = await db().day.findFirstOrThrow({ include: { slots: { orderBy: { slotNumber: "asc" } } } });
    expect(stored).toMatchObject({ status: "PENDING", queuedById: admin.user.id, multiSlotEnabled: true, description: "Morning distributions" });
    expect(stored.date.toISOString().slice(0, 10)).toBe(today.date);
    expect(stored.slots.map((slot) => [slot.status, slot.executionDetails])).toEqual([
      ["PENDING", null],
      ["PENDING", null],
      ["PENDING", null],
    ]);
  });

  it("GET /today/status answers seed 000's shape with date, timeZone, counts and poolsPaid", async () => {
    expect(await status()).toEqual({
      exists: false,
      status: null,
      date: today.date,
      timeZone: today.timeZone,
      data: null,
      multiSlotEnabled: false,
      distributionSlots: [],
      counts: { PENDING: 0, EXECUTING: 0, COMPLETED: 0, FAILED: 0 },
      poolsPaid: { premium: 0, performance: 0 },
    });

    const queued = await queue({ premiumPoolAmount: 5000, performancePoolAmount: 3000, description: "Morning distributions", distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
    const current = await status();
    expect(current).toEqual(queued.distribution);
    expect(current).toMatchObject({
      exists: true,
      status: "PENDING",
      date: today.date,
      timeZone: today.timeZone,
      data: { premiumPoolAmount: 5000, performancePoolAmount: 3000, description: "Morning distributions", queuedAt: expect.any(String) },
      multiSlotEnabled: true,
      counts: { PENDING: 3, EXECUTING: 0, COMPLETED: 0, FAILED: 0 },
      poolsPaid: { premium: 0, performance: 0 },
    });
    expect(Date.parse(current.data?.queuedAt ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("GET /today/status shows each slot's own status and execution details", async () => {
    await queue({ premiumPoolAmount: 5000, performancePoolAmount: 3000, distributionSlots: slots([1, 2.5], [2, 3], [3, 2], [4, 1]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "COMPLETED", { payPools: true });
    await simulateExecution(dayId, 2, "FAILED");
    await claimSlot(dayId, 3);

    const current = await status();
    expect(current.status).toBe("EXECUTING");
    expect(current.counts).toEqual({ PENDING: 1, EXECUTING: 1, COMPLETED: 1, FAILED: 1 });
    expect(current.poolsPaid).toEqual({ premium: 5000, performance: 3000 });
    expect(current.distributionSlots.map((slot) => slot.status)).toEqual(["COMPLETED", "FAILED", "EXECUTING", "PENDING"]);
    expect(current.distributionSlots[0].executionDetails).toMatchObject({
      executedAt: expect.any(String),
      rosStats: { processedStakes: 150, totalDistributed: 3750.5 },
      premiumPoolStats: { qualifiedUsers: 45, totalDistributed: 2250.75 },
      performancePoolStats: { qualifiedUsers: 30, totalDistributed: 1500.25 },
    });
    expect(current.distributionSlots[1].executionDetails).toMatchObject({ error: expect.any(String) });
    expect(current.distributionSlots[2].executionDetails).toBeNull();
    expect(current.distributionSlots[3].executionDetails).toBeNull();

    await finishSlot(dayId, 3, "COMPLETED");
    expect((await status()).status).toBe("PENDING");
  });
});

describe("3. modify distribution", () => {
  it("can modify PENDING slots: ROS, time, pools and description", async () => {
    await queue({ premiumPoolAmount: 5000, performancePoolAmount: 3000, description: "x", distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
    const body = await expectSuccess(
      await admin.api.modify({
        premiumPoolAmount: 6000,
        performancePoolAmount: 4000,
        description: "Updated amounts",
        distributionSlots: [{ slotNumber: 1, rosPercentage: 2.5 }, { slotNumber: 2, rosPercentage: 3.5 }, { slotNumber: 3, rosPercentage: 2, time: "21:30" }],
      }),
    );
    expect(body.message).toBe("Distribution modified successfully");
    expect(body.distribution.data).toMatchObject({ premiumPoolAmount: 6000, performancePoolAmount: 4000, description: "Updated amounts" });
    expect(body.distribution.distributionSlots.map(({ slotNumber, rosPercentage, scheduledFor, status }) => ({ slotNumber, rosPercentage, scheduledFor, status }))).toEqual([
      { slotNumber: 1, rosPercentage: 2.5, scheduledFor: today.at("08:00"), status: "PENDING" },
      { slotNumber: 2, rosPercentage: 3.5, scheduledFor: today.at("10:00"), status: "PENDING" },
      { slotNumber: 3, rosPercentage: 2, scheduledFor: today.at("21:30"), status: "PENDING" },
    ]);
    expect(await status()).toEqual(body.distribution);
  });

  it("removes PENDING slots the body leaves out and adds new ones", async () => {
    await queue({ distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
    const body = await expectSuccess(await admin.api.modify({ distributionSlots: slots([2, 3], [5, 1]) }));
    expect(body.distribution.distributionSlots.map((slot) => slot.slotNumber)).toEqual([2, 5]);
    expect(await db().slot.count()).toBe(2);
  });

  it("cannot modify COMPLETED or FAILED slots: they keep ROS, time, status and executionDetails", async () => {
    await queue({ distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "COMPLETED");
    await simulateExecution(dayId, 2, "FAILED");
    const before = await storedSlots(dayId);

    const body = await expectSuccess(
      await admin.api.modify({
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 9, time: "22:00" },
          { slotNumber: 2, rosPercentage: 9, scheduledFor: today.at("22:30") },
          { slotNumber: 3, rosPercentage: 3.5 },
        ],
      }),
    );
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(before.get(1));
    expect(after.get(2)).toEqual(before.get(2));
    expect(after.get(3)).toMatchObject({ rosPercentage: "3.5", status: "PENDING" });
    expect(body.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status, slot.rosPercentage])).toEqual([
      [1, "COMPLETED", 2.5],
      [2, "FAILED", 3],
      [3, "PENDING", 3.5],
    ]);
    expect(body.distribution.distributionSlots[0].executionDetails).toEqual(before.get(1)?.executionDetails);
    expect(body.distribution.distributionSlots[1].executionDetails).toEqual(before.get(2)?.executionDetails);
  });

  it("keeps COMPLETED and FAILED slots that the body leaves out", async () => {
    await queue({ distributionSlots: slots([1, 2.5], [2, 3], [3, 2]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "COMPLETED");
    await simulateExecution(dayId, 2, "FAILED");
    const before = await storedSlots(dayId);

    const body = await expectSuccess(await admin.api.modify({ distributionSlots: slots([4, 1]) }));
    expect(body.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status])).toEqual([
      [1, "COMPLETED"],
      [2, "FAILED"],
      [4, "PENDING"],
    ]);
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(before.get(1));
    expect(after.get(2)).toEqual(before.get(2));
    expect(body.distribution.status).toBe("PENDING");
    expect(body.distribution.counts).toEqual({ PENDING: 1, EXECUTING: 0, COMPLETED: 1, FAILED: 1 });
  });

  it("refuses to lower a pool below what was already paid (409), and allows raising it", async () => {
    await queue({ premiumPoolAmount: 5000, performancePoolAmount: 3000, distributionSlots: slots([1, 1], [2, 1]) });
    await simulateExecution(await todayDayId(), 1, "COMPLETED", { payPools: true });
    const snapshot = await snapshotState();
    const refused = await expectError(await admin.api.modify({ premiumPoolAmount: 4000, distributionSlots: slots([2, 1]) }), 409, "POOL_ALREADY_PAID");
    expect(refused.message).toContain("premiumPoolAmount");
    expect(await snapshotState()).toEqual(snapshot);

    const raised = await expectSuccess(await admin.api.modify({ premiumPoolAmount: 6000, distributionSlots: slots([2, 1]) }));
    expect(raised.distribution.data?.premiumPoolAmount).toBe(6000);
    expect(raised.distribution.poolsPaid).toEqual({ premium: 5000, performance: 3000 });
  });
});

describe("5. edge cases", () => {
  it("all slots completed → a new queue merges new slots in and leaves the completed ones", async () => {
    await queue({ distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "COMPLETED");
    await simulateExecution(dayId, 2, "COMPLETED");
    expect((await status()).status).toBe("COMPLETED");
    const before = await storedSlots(dayId);

    const body = await queue({ distributionSlots: slots([1, 1], [2, 1], [3, 1]) });
    expect(body.message).toBe("Distribution updated: 1 new slot(s) added");
    expect(body.distribution.status).toBe("PENDING");
    expect(body.distribution.distributionSlots.map((slot) => slot.status)).toEqual(["COMPLETED", "COMPLETED", "PENDING"]);
    const after = await storedSlots(dayId);
    expect(after.get(1)).toEqual(before.get(1));
    expect(after.get(2)).toEqual(before.get(2));
  });

  it("some slots failed → POST slots/{n}/retry puts one back to PENDING, due now", async () => {
    await queue({ distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "COMPLETED");
    await simulateExecution(dayId, 2, "FAILED");
    expect((await status()).status).toBe("FAILED");

    const asked = Date.now();
    const body = await expectSuccess(await admin.api.retry(2));
    const answered = Date.now();
    expect(body.message).toMatch(/^Slot 2 will be retried at /);
    const retried = body.distribution.distributionSlots[1];
    expect(retried).toMatchObject({ slotNumber: 2, status: "PENDING", attempts: 0, executionDetails: null });
    expect(Date.parse(retried.scheduledFor)).toBeGreaterThanOrEqual(asked);
    expect(Date.parse(retried.scheduledFor)).toBeLessThanOrEqual(answered);
    expect(body.distribution.status).toBe("PENDING");
    expect(body.distribution.distributionSlots[0].status).toBe("COMPLETED");
    expect((await db().slot.findFirstOrThrow({ where: { dayId, slotNumber: 2 } })).executionDetails).toBeNull();
  });

  it("retry at a given time today, and only of a FAILED slot that exists", async () => {
    await queue({ distributionSlots: slots([1, 1], [2, 1], [3, 1]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "COMPLETED");
    await simulateExecution(dayId, 2, "FAILED");

    const body = await expectSuccess(await admin.api.retry(2, { scheduledFor: today.at("22:15") }));
    expect(body.distribution.distributionSlots[1]).toMatchObject({ status: "PENDING", scheduledFor: today.at("22:15") });

    const snapshot = await snapshotState();
    expect((await expectError(await admin.api.retry(1), 409, "CONFLICT")).message).toBe("Slot 1 is COMPLETED; only a FAILED slot can be retried");
    expect((await expectError(await admin.api.retry(3), 409, "CONFLICT")).message).toBe("Slot 3 is PENDING; only a FAILED slot can be retried");
    expect((await expectError(await admin.api.retry(9), 404, "NOT_FOUND")).message).toBe("Slot 9 does not exist today");
    expect(await snapshotState()).toEqual(snapshot);
  });

  it("some slots failed → new slots can be queued too, the failed one untouched", async () => {
    await queue({ distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "FAILED");
    await simulateExecution(dayId, 2, "COMPLETED");
    const before = await storedSlots(dayId);
    const body = await queue({ distributionSlots: slots([1, 5], [3, 1]) });
    expect(body.distribution.distributionSlots.map((slot) => [slot.slotNumber, slot.status])).toEqual([
      [1, "FAILED"],
      [2, "COMPLETED"],
      [3, "PENDING"],
    ]);
    expect((await storedSlots(dayId)).get(1)).toEqual(before.get(1));
  });

  it("slots at the same time are listed in slot-number order", async () => {
    const at = today.at("20:00");
    await queue({
      distributionSlots: [
        { slotNumber: 3, rosPercentage: 1, scheduledFor: at },
        { slotNumber: 1, rosPercentage: 1, scheduledFor: at },
        { slotNumber: 4, rosPercentage: 1, scheduledFor: today.at("19:00") },
        { slotNumber: 2, rosPercentage: 1, scheduledFor: at },
      ],
    });
    const current = await status();
    expect(current.distributionSlots.map((slot) => [slot.slotNumber, slot.scheduledFor])).toEqual([
      [1, at],
      [2, at],
      [3, at],
      [4, today.at("19:00")],
    ]);
  });
});

describe("409 while a slot is EXECUTING", () => {
  it("refuses queue, modify, add-slots and retry with the seed's message, and changes nothing", async () => {
    await queue({ distributionSlots: slots([1, 1], [2, 1], [3, 1]) });
    const dayId = await todayDayId();
    await simulateExecution(dayId, 1, "FAILED");
    await claimSlot(dayId, 2);
    const snapshot = await snapshotState();

    const attempts = [
      admin.api.queue({ distributionSlots: slots([3, 2], [4, 1]) }),
      admin.api.modify({ distributionSlots: slots([3, 2]) }),
      admin.api.addSlots({ additionalSlots: slots([4, 1]) }),
      admin.api.retry(1),
    ];
    for (const response of await Promise.all(attempts)) {
      expect((await expectError(response, 409, "SLOTS_EXECUTING")).message).toBe(executingMessage);
    }
    expect(await snapshotState()).toEqual(snapshot);

    await finishSlot(dayId, 2, "COMPLETED");
    await expectSuccess(await admin.api.addSlots({ additionalSlots: slots([4, 1]) }));
  });
});

describe("404 when nothing is queued today", () => {
  it("answers modify, add-slots and retry with NOT_FOUND and creates no day", async () => {
    await expectError(await admin.api.modify({ distributionSlots: slots([1, 1]) }), 404, "NOT_FOUND");
    await expectError(await admin.api.addSlots({ additionalSlots: slots([1, 1]) }), 404, "NOT_FOUND");
    await expectError(await admin.api.retry(1), 404, "NOT_FOUND");
    expect(await db().day.count()).toBe(0);
    expect(await db().slot.count()).toBe(0);
  });
});

describe("roles", () => {
  it("lets a VIEWER read everything and refuses every mutation with 403, changing nothing", async () => {
    await queue({ distributionSlots: slots([1, 1], [2, 1]) });
    await simulateExecution(await todayDayId(), 1, "FAILED");
    const viewer = await signedIn("VIEWER");

    const current = await viewer.api.status();
    expect(current.status).toBe(200);
    expect(await readJson<DistributionStatus>(current)).toEqual(await status());
    for (const read of [viewer.api.preview({ rosPercentage: "1" }), viewer.api.history(), viewer.api.settings(), viewer.api.auditLog()]) {
      expect((await read).status).toBe(200);
    }

    const snapshot = await snapshotState();
    const code = () => codeFor(viewer.user);
    const refused = [
      await viewer.api.queue({ distributionSlots: slots([3, 1]), twoFactorCode: await code() }),
      await viewer.api.modify({ distributionSlots: slots([2, 2]), twoFactorCode: await code() }),
      await viewer.api.addSlots({ additionalSlots: slots([3, 1]), twoFactorCode: await code() }),
      await viewer.api.retry(1, { twoFactorCode: await code() }),
      await viewer.api.putSettings({ maxAttempts: 5, twoFactorCode: await code() }),
    ];
    for (const response of refused) await expectError(response, 403, "FORBIDDEN");
    expect(await snapshotState()).toEqual(snapshot);
  });

  it("answers anonymous callers 401 on every route", async () => {
    const anonymous = clientFor(undefined);
    const snapshot = await snapshotState();
    const responses = [
      await anonymous.status(),
      await anonymous.preview({ rosPercentage: "1" }),
      await anonymous.history(),
      await anonymous.settings(),
      await anonymous.auditLog(),
      await anonymous.queue({ distributionSlots: slots([1, 1]) }),
      await anonymous.modify({ distributionSlots: slots([1, 1]) }),
      await anonymous.addSlots({ additionalSlots: slots([1, 1]) }),
      await anonymous.retry(1),
      await anonymous.putSettings({ maxAttempts: 5 }),
    ];
    for (const response of responses) await expectError(response, 401, "UNAUTHENTICATED");
    expect(await snapshotState()).toEqual(snapshot);
  });
});

describe("audit log", () => {
  type AuditPage = {
    page: number;
    pageSize: number;
    total: number;
    entries: { id: number; action: string; outcome: string; reason: string | null; before: unknown; after: unknown; actor: { id: number | null; email: string | null } | null }[];
  };
  const auditPage = async (query: Record<string, string>) => {
    const response = await admin.api.auditLog(query);
    expect(response.status).toBe(200);
    return readJson<AuditPage>(response);
  };

  it("records every mutation with who, before and after, and every refusal with its reason", async () => {
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          ["distribution.queue", "distribution.modify", "distribution.add-slots", "distribution.retry"].map(async (action) => [action, (await auditPage({ action, outcome: "OK" })).total]),
        ),
      );
    const start = await counts();

    await queue({ premiumPoolAmount: 100, distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await todayDayId();
    await expectSuccess(await admin.api.modify({ distributionSlots: slots([1, 2], [2, 1]) }));
    await expectSuccess(await admin.api.addSlots({ additionalSlots: slots([3, 1]) }));
    await simulateExecution(dayId, 3, "FAILED");
    await expectSuccess(await admin.api.retry(3));

    const end = await counts();
    for (const action of Object.keys(start)) expect(end[action], action).toBe(start[action] + 1);

    const [queued] = (await auditPage({ action: "distribution.queue", outcome: "OK", pageSize: "1" })).entries;
    expect(queued.actor).toEqual({ id: admin.user.id, email: admin.user.email });
    expect(queued.before).toBeNull();
    expect(queued.after).toMatchObject({ premiumPoolAmount: "100", slots: [{ slotNumber: 1, status: "PENDING" }, { slotNumber: 2, status: "PENDING" }] });

    const [modified] = (await auditPage({ action: "distribution.modify", outcome: "OK", pageSize: "1" })).entries;
    expect(modified.before).toMatchObject({ slots: [{ slotNumber: 1, rosPercentage: "1" }, { slotNumber: 2 }] });
    expect(modified.after).toMatchObject({ slots: [{ slotNumber: 1, rosPercentage: "2" }, { slotNumber: 2 }] });

    const [retried] = (await auditPage({ action: "distribution.retry", outcome: "OK", pageSize: "1" })).entries;
    expect(retried.before).toMatchObject({ slots: [{}, {}, { slotNumber: 3, status: "FAILED" }] });
    expect(retried.after).toMatchObject({ slots: [{}, {}, { slotNumber: 3, status: "PENDING", executionDetails: null }] });

    await claimSlot(dayId, 1);
    await expectError(await admin.api.modify({ distributionSlots: slots([2, 5]) }), 409, "SLOTS_EXECUTING");
    const [refused] = (await auditPage({ action: "distribution.modify", outcome: "REFUSED", pageSize: "1" })).entries;
    expect(refused).toMatchObject({ outcome: "REFUSED", actor: { id: admin.user.id }, reason: `SLOTS_EXECUTING: ${executingMessage}` });
  });

  it("records who a refused VIEWER was", async () => {
    await queue({ distributionSlots: slots([1, 1]) });
    const viewer = await signedIn("VIEWER");
    await expectError(await viewer.api.addSlots({ additionalSlots: slots([4, 1]) }), 403, "FORBIDDEN");
    const [forbidden] = (await auditPage({ action: "distribution.add-slots", outcome: "REFUSED", pageSize: "1" })).entries;
    expect(forbidden).toMatchObject({ actor: { id: viewer.user.id, email: viewer.user.email }, reason: expect.stringContaining("FORBIDDEN") });
  });

  it("pages newest first", async () => {
    await queue({ distributionSlots: slots([1, 1]) });
    await expectSuccess(await admin.api.modify({ distributionSlots: slots([1, 2]) }));
    await expectSuccess(await admin.api.modify({ distributionSlots: slots([1, 3]) }));

    const all = await auditPage({ pageSize: "200" });
    expect(all.total).toBeGreaterThanOrEqual(3);
    const ids = all.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const first = await auditPage({ page: "1", pageSize: "2" });
    const second = await auditPage({ page: "2", pageSize: "2" });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect(first.entries.map((entry) => entry.id)).toEqual(ids.slice(0, 2));
    expect(second.entries.map((entry) => entry.id)).toEqual(ids.slice(2, 4));
    expect(first.entries[0]).toMatchObject({ action: "distribution.modify", outcome: "OK" });
  });
});
