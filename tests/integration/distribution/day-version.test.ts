import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tick } from "@/lib/distribution/execution/tick";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { resetDays, snapshotState } from "../../helpers/db-state";
import { expectError, expectSuccess, readJson } from "../../helpers/http";
import { signedIn, withCode, type SignedIn } from "../../helpers/session";
import { useMiddayTimeZone, type Today } from "../../helpers/today";

process.env.SLOTPAY_LOG = "silent";

// Issue 7 item 12: a day's version, and a stale change refused instead of
// silently undoing what another admin did meanwhile.

let alice: SignedIn;
let bob: SignedIn;
let today: Today;

async function statusOf(who: SignedIn): Promise<DistributionStatus> {
  const response = await who.api.status();
  expect(response.status).toBe(200);
  return readJson<DistributionStatus>(response);
}

const slotNumbers = (status: DistributionStatus) => status.distributionSlots.map((slot) => [slot.slotNumber, slot.status]);

/** Slot 1 is long overdue, so the real scheduler tick fails it as missed; slot 2 is later today. */
async function queueDayWithAFailedSlot(): Promise<DistributionStatus> {
  await expectSuccess(
    await alice.api.queue(
      await withCode(alice, {
        premiumPoolAmount: 5000,
        performancePoolAmount: 3000,
        distributionSlots: [
          { slotNumber: 1, rosPercentage: 1, time: "00:30" },
          { slotNumber: 2, rosPercentage: 1, time: "23:00" },
        ],
      }),
    ),
  );
  const result = await tick();
  expect(result.missed.map((slot) => slot.slotNumber)).toEqual([1]);
  return statusOf(alice);
}

beforeAll(async () => {
  today = await useMiddayTimeZone();
  [alice, bob] = [await signedIn(), await signedIn()];
});

beforeEach(resetDays);

describe("the day's version", () => {
  it("is null without a day, 1 once queued, +1 on every admin change, and unchanged by executions", async () => {
    expect((await statusOf(alice)).version).toBeNull();
    const queued = await expectSuccess(
      await alice.api.queue(await withCode(alice, { distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "00:30" }] })),
    );
    expect(queued.distribution.version).toBe(1);

    await tick(); // fails slot 1 as missed: an execution, not an admin change
    expect((await statusOf(alice)).version).toBe(1);

    const added = await expectSuccess(await alice.api.addSlots({ additionalSlots: [{ slotNumber: 2, rosPercentage: 1, time: "23:00" }] }));
    expect(added.distribution.version).toBe(2);
    const modified = await expectSuccess(await alice.api.modify({ distributionSlots: [{ slotNumber: 2, rosPercentage: 2 }] }));
    expect(modified.distribution.version).toBe(3);
    const retried = await expectSuccess(await alice.api.retry(1, { scheduledFor: today.at("23:30") }));
    expect(retried.distribution.version).toBe(4);
    const merged = await expectSuccess(await alice.api.queue({ distributionSlots: [{ slotNumber: 3, rosPercentage: 1, time: "23:45" }] }));
    expect(merged.distribution.version).toBe(5);
    expect(await statusOf(bob)).toEqual(merged.distribution);
  });
});

describe("a change made on a stale view", () => {
  it("is refused with 409 CONFLICT and the current day, and changes nothing (the issue's lost update)", async () => {
    const aliceSaw = await queueDayWithAFailedSlot();
    expect(slotNumbers(aliceSaw)).toEqual([
      [1, "FAILED"],
      [2, "PENDING"],
    ]);

    // Meanwhile Bob retries slot 1 and adds 19 slots.
    await expectSuccess(await bob.api.retry(1, await withCode(bob, { scheduledFor: today.at("23:30") })));
    const added = Array.from({ length: 19 }, (_, i) => ({ slotNumber: i + 3, rosPercentage: 1, time: `23:${String(i + 10)}` }));
    const bobs = await expectSuccess(await bob.api.addSlots({ additionalSlots: added }));
    expect(bobs.distribution.version).toBe(aliceSaw.version! + 2);

    // Alice changes slot 2 from what she saw, which has neither Bob's retry nor his slots.
    const before = await snapshotState();
    const stale = { distributionSlots: [{ slotNumber: 2, rosPercentage: 2 }], expectedVersion: aliceSaw.version };
    const refused = await expectError(await alice.api.modify(await withCode(alice, stale)), 409, "CONFLICT");
    expect(refused.message).toMatch(/changed meanwhile/);
    expect(refused.details).toEqual({ currentVersion: bobs.distribution.version, distribution: bobs.distribution });
    expect(await snapshotState()).toEqual(before);

    // The same with If-Match instead of the body field.
    const viaHeader = await alice.api.modify(
      { distributionSlots: [{ slotNumber: 2, rosPercentage: 2 }] },
      { "If-Match": `"${aliceSaw.version}"` },
    );
    expect((await expectError(viaHeader, 409, "CONFLICT")).details).toMatchObject({ currentVersion: bobs.distribution.version });
    expect(await snapshotState()).toEqual(before);

    // With the current version it goes through, and Bob's work stays.
    const current = bobs.distribution.version!;
    const accepted = await expectSuccess(
      await alice.api.modify(
        { distributionSlots: bobs.distribution.distributionSlots.map(({ slotNumber }) => ({ slotNumber, rosPercentage: 2 })) },
        { "If-Match": `"${current}"` },
      ),
    );
    expect(accepted.distribution.version).toBe(current + 1);
    expect(accepted.distribution.distributionSlots).toHaveLength(21);
  });

  it("without a version behaves as before: the stale modify removes what it did not list (why clients should send one)", async () => {
    await queueDayWithAFailedSlot();
    await expectSuccess(await bob.api.retry(1, await withCode(bob, { scheduledFor: today.at("23:30") })));
    await expectSuccess(await bob.api.addSlots({ additionalSlots: [{ slotNumber: 3, rosPercentage: 1, time: "23:40" }] }));
    const body = await expectSuccess(
      await alice.api.modify(await withCode(alice, { distributionSlots: [{ slotNumber: 2, rosPercentage: 2 }] })),
    );
    expect(slotNumbers(body.distribution)).toEqual([[2, "PENDING"]]);
  });

  it("checks the version on queue, add-slots and retry too; null expects no day", async () => {
    const fresh = await expectSuccess(
      await alice.api.queue(
        await withCode(alice, { expectedVersion: null, distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "00:30" }] }),
      ),
    );
    expect(fresh.distribution.version).toBe(1);
    await expectError(
      await alice.api.queue({ expectedVersion: null, distributionSlots: [{ slotNumber: 2, rosPercentage: 1, time: "23:00" }] }),
      409,
      "CONFLICT",
    );
    await expectError(
      await alice.api.addSlots({ additionalSlots: [{ slotNumber: 2, rosPercentage: 1, time: "23:00" }] }, { "If-Match": '"7"' }),
      409,
      "CONFLICT",
    );
    await tick();
    await expectError(await alice.api.retry(1, { expectedVersion: 2 }), 409, "CONFLICT");
    const retried = await expectSuccess(await alice.api.retry(1, { expectedVersion: 1, scheduledFor: today.at("23:30") }));
    expect(retried.distribution.version).toBe(2);
  });

  it("answers a malformed If-Match, or one that disagrees with the body, with 400 before the 2FA code is looked at", async () => {
    const carol = await signedIn();
    const body = { distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "23:00" }], twoFactorCode: "000000" };
    const malformed = await expectError(await carol.api.queue(body, { "If-Match": "*" }), 400, "VALIDATION");
    expect(malformed.message).toMatch(/If-Match/);
    const disagree = await expectError(await carol.api.queue({ ...body, expectedVersion: 2 }, { "If-Match": '"3"' }), 400, "VALIDATION");
    expect(disagree.message).toMatch(/disagree/);
    await expectError(await carol.api.queue({ ...body, expectedVersion: 1.5 }), 400, "VALIDATION");
    await expectError(await carol.api.queue({ ...body, expectedVersion: "1" }), 400, "VALIDATION");
  });
});
