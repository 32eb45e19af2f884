import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cachedTodayStatus, cachedTodayStatusTagged, forgetTodayStatus } from "@/lib/distribution/status-cache";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { createConsoleUser } from "./../factories/users";

describe("today's status cache", () => {
  it("shares one read between concurrent callers, reuses it for a second, and drops it on this process's changes", async () => {
    forgetTodayStatus();
    // The cache's clock is passed in, so a slow machine cannot make the second run out early.
    const readAt = Date.now();
    const [a, b] = await Promise.all([cachedTodayStatus(readAt), cachedTodayStatus(readAt)]);
    expect(a).toBe(b);
    expect(a.exists).toBe(false);

    // A change made behind the app's back (another instance) shows once the second is over.
    const date = a.date;
    await db().day.create({ data: { date: new Date(`${date}T00:00:00Z`), premiumPoolAmount: "1", performancePoolAmount: "0" } });
    expect((await cachedTodayStatus(readAt + 999)).exists).toBe(false);
    expect((await cachedTodayStatus(readAt + 1_001)).exists).toBe(true);
    await db().day.deleteMany();
    forgetTodayStatus();

    // A change through the app is seen at once, with a new tag.
    const before = await cachedTodayStatusTagged();
    expect(before.status.exists).toBe(false);
    const admin = await createConsoleUser();
    await queueDistribution({
      actor: { id: admin.id, email: admin.email },
      request: {
        premiumPoolAmount: "1",
        performancePoolAmount: "0",
        description: "",
        multiSlotEnabled: true,
        slots: [{ slotNumber: 1, rosPercentage: "1", time: "23:59:59" }],
      },
    });
    const after = await cachedTodayStatusTagged();
    expect(after.status.exists).toBe(true);
    expect(after.status.distributionSlots).toHaveLength(1);
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(after.body)).toEqual(after.status);
  });
});
