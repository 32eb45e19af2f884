import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { codeFor } from "../../factories/users";
import { resetDays, snapshotState } from "../../helpers/db-state";
import { claimSlot, dayIdOf, finishSlot, runSlot } from "../../helpers/run-slot";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { clientFor } from "../../helpers/routes";
import { executingMessage, queueAs, slots, statusAs, useChecklistSettings } from "../../helpers/seed-000-checklist";
import { signedIn, type SignedIn } from "../../helpers/session";
import type { Today } from "../../helpers/today";

// Seed 000's checklist refusals: 409 while a slot executes, 404 with nothing queued, 403 and 401.

process.env.SLOTPAY_LOG = "silent";

let admin: SignedIn;
let today: Today;

beforeAll(async () => ({ admin, today } = await useChecklistSettings()));
beforeEach(resetDays);

describe("409 while a slot is EXECUTING", () => {
  it("refuses queue, modify, add-slots and retry with the seed's message, and changes nothing", async () => {
    await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1], [3, 1]) });
    const dayId = await dayIdOf(today.date);
    await runSlot(dayId, 1, "FAILED");
    const executing = await claimSlot(dayId, 2);
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

    await finishSlot(executing, "COMPLETED");
    await expectSuccess(await admin.api.addSlots({ additionalSlots: slots([4, 1]) }));
  });
});

// Sent without a code: the queue of the test above opened the admin's step-up window.
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
    await queueAs(admin, { distributionSlots: slots([1, 1], [2, 1]) });
    await runSlot(await dayIdOf(today.date), 1, "FAILED");
    const viewer = await signedIn("VIEWER");

    const current = await viewer.api.status();
    expect(current.status).toBe(200);
    expect(await readJson<DistributionStatus>(current)).toEqual(await statusAs(admin));
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
