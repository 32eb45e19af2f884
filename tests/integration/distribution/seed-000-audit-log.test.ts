import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDays } from "../../helpers/db-state";
import { claimSlot, dayIdOf, runSlot } from "../../helpers/run-slot";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { executingMessage, queueAs, slots, useChecklistSettings } from "../../helpers/seed-000-checklist";
import { signedIn, type SignedIn } from "../../helpers/session";
import type { Today } from "../../helpers/today";

// Seed 000's checklist through the audit log: who did what, refusals with their reason, paging.

process.env.SLOTPAY_LOG = "silent";

let admin: SignedIn;
let today: Today;

beforeAll(async () => ({ admin, today } = await useChecklistSettings()));
beforeEach(resetDays);

describe("audit log", () => {
  type AuditPage = {
    page: number;
    pageSize: number;
    total: number;
    entries: {
      id: number;
      action: string;
      outcome: string;
      reason: string | null;
      before: unknown;
      after: unknown;
      actor: { id: number | null; email: string | null } | null;
    }[];
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
          ["distribution.queue", "distribution.modify", "distribution.add-slots", "distribution.retry"].map(async (action) => [
            action,
            (await auditPage({ action, outcome: "OK" })).total,
          ]),
        ),
      );
    const start = await counts();

    await queueAs(admin, { premiumPoolAmount: 100, distributionSlots: slots([1, 1], [2, 1]) });
    const dayId = await dayIdOf(today.date);
    await expectSuccess(await admin.api.modify({ distributionSlots: slots([1, 2], [2, 1]) }));
    await expectSuccess(await admin.api.addSlots({ additionalSlots: slots([3, 1]) }));
    await runSlot(dayId, 1, "COMPLETED");
    await runSlot(dayId, 2, "COMPLETED");
    await runSlot(dayId, 3, "FAILED");
    await expectSuccess(await admin.api.retry(3));

    const end = await counts();
    for (const action of Object.keys(start)) expect(end[action], action).toBe(start[action] + 1);

    const [queued] = (await auditPage({ action: "distribution.queue", outcome: "OK", pageSize: "1" })).entries;
    expect(queued.actor).toEqual({ id: admin.user.id, email: admin.user.email });
    expect(queued.before).toBeNull();
    expect(queued.after).toMatchObject({
      premiumPoolAmount: "100",
      slots: [
        { slotNumber: 1, status: "PENDING" },
        { slotNumber: 2, status: "PENDING" },
      ],
    });

    const [modified] = (await auditPage({ action: "distribution.modify", outcome: "OK", pageSize: "1" })).entries;
    expect(modified.before).toMatchObject({ slots: [{ slotNumber: 1, rosPercentage: "1" }, { slotNumber: 2 }] });
    expect(modified.after).toMatchObject({ slots: [{ slotNumber: 1, rosPercentage: "2" }, { slotNumber: 2 }] });

    const [retried] = (await auditPage({ action: "distribution.retry", outcome: "OK", pageSize: "1" })).entries;
    expect(retried.before).toMatchObject({ slots: [{}, {}, { slotNumber: 3, status: "FAILED" }] });
    expect(retried.after).toMatchObject({ slots: [{}, {}, { slotNumber: 3, status: "PENDING", executionDetails: null }] });

    await claimSlot(dayId, 3);
    await expectError(await admin.api.modify({ distributionSlots: slots([2, 5]) }), 409, "SLOTS_EXECUTING");
    const [refused] = (await auditPage({ action: "distribution.modify", outcome: "REFUSED", pageSize: "1" })).entries;
    expect(refused).toMatchObject({ outcome: "REFUSED", actor: { id: admin.user.id }, reason: `SLOTS_EXECUTING: ${executingMessage}` });
  });

  it("records who a refused VIEWER was", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1]) });
    const viewer = await signedIn("VIEWER");
    await expectError(await viewer.api.addSlots({ additionalSlots: slots([4, 1]) }), 403, "FORBIDDEN");
    const [forbidden] = (await auditPage({ action: "distribution.add-slots", outcome: "REFUSED", pageSize: "1" })).entries;
    expect(forbidden).toMatchObject({
      actor: { id: viewer.user.id, email: viewer.user.email },
      reason: expect.stringContaining("FORBIDDEN"),
    });
  });

  it("pages newest first", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1]) });
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
