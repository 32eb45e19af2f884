import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useBadInputDay } from "../../helpers/bad-input";
import { resetDays } from "../../helpers/db-state";
import { expectSuccess, readJson } from "../../helpers/http";
import type { SignedIn } from "../../helpers/session";

// The other side of bad input: amounts far below a cent are valid and must never end in a 500.

let admin: SignedIn;

beforeAll(async () => {
  admin = await useBadInputDay();
});

describe("valid amounts below 0.000001 never make a request fail with 500", () => {
  beforeAll(async () => {
    await resetDays();
    await db().settings.update({ where: { id: 1 }, data: { maxSlotsPerDay: 48 } });
  });

  afterAll(async () => {
    await db().settings.update({ where: { id: 1 }, data: { maxRosPercentage: 10 } });
  });

  it("a day with a pool of 0.00000001 can be merged into, modified and previewed", async () => {
    const queued = await expectSuccess(
      await admin.api.queue({
        premiumPoolAmount: 0.00000001,
        performancePoolAmount: 0.0000005,
        distributionSlots: [{ slotNumber: 1, rosPercentage: 1, time: "20:00" }],
      }),
    );
    expect(queued.distribution.data).toMatchObject({ premiumPoolAmount: 0.00000001, performancePoolAmount: 0.0000005 });

    const merged = await admin.api.queue({
      multiSlotEnabled: true,
      distributionSlots: [{ slotNumber: 2, rosPercentage: 1, time: "21:00" }],
    });
    expect(merged.status).toBe(200);
    const modified = await admin.api.modify({ distributionSlots: [{ slotNumber: 1, rosPercentage: 2 }] });
    expect(modified.status).toBe(200);
    const preview = await admin.api.preview({ rosPercentage: "1" });
    expect(preview.status).toBe(200);
    expect(await readJson<{ premiumPool: { unpaidToday: number } }>(preview)).toMatchObject({ premiumPool: { unpaidToday: 0.00000001 } });
  });

  it("a maxRosPercentage of 0.0000005 still lets a smaller rosPercentage be queued", async () => {
    await expectSuccess(await admin.api.putSettings({ maxRosPercentage: 0.0000005 }));
    await resetDays();
    const response = await admin.api.queue({ distributionSlots: [{ slotNumber: 1, rosPercentage: 0.0000001, time: "20:00" }] });
    expect(response.status).toBe(200);
    const refused = await admin.api.queue({ distributionSlots: [{ slotNumber: 2, rosPercentage: 0.000001, time: "20:00" }] });
    expect(refused.status).toBe(400);
  });
});
