import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { outboxRetentionDays, pruneEndedMessages } from "@/lib/webhooks/prune-ended-messages";

process.env.SLOTPAY_LOG = "silent";

// The outbox keeps what ended for the retention (for the deliveries page), then forgets it; what
// is still to be delivered stays, however old.

const now = new Date("2031-06-30T12:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

async function message(id: string, ended: { deliveredAt?: Date; givenUpAt?: Date }, createdAt = daysAgo(90)) {
  await db().outboxMessage.create({
    data: { id, target: "WEBHOOK", eventType: "slot.completed", slotId: 1, body: "{}", createdAt, ...ended },
  });
}

const remaining = async () => (await db().outboxMessage.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);

beforeEach(async () => {
  await db().outboxMessage.deleteMany({});
});

describe("pruning the outbox", () => {
  it("deletes delivered and given-up messages that ended before the retention, and nothing else", async () => {
    await message("delivered-40-days-ago", { deliveredAt: daysAgo(40) });
    await message("given-up-31-days-ago", { givenUpAt: daysAgo(31) });
    await message("delivered-29-days-ago", { deliveredAt: daysAgo(29) });
    await message("given-up-yesterday", { givenUpAt: daysAgo(1) });
    await message("pending-for-90-days", {});
    expect(await pruneEndedMessages({ db: db(), now, retentionDays: 30 })).toBe(2);
    expect(await remaining()).toEqual(["delivered-29-days-ago", "given-up-yesterday", "pending-for-90-days"]);
    expect(await pruneEndedMessages({ db: db(), now, retentionDays: 30 })).toBe(0);
  });

  it("takes its retention from SLOTPAY_OUTBOX_RETENTION_DAYS, 30 days unless a whole number of days ≥ 1 is set", async () => {
    const cases: [string | undefined, number][] = [
      [undefined, 30],
      ["7", 7],
      ["0", 30],
      ["-3", 30],
      ["1.5", 30],
      ["many", 30],
    ];
    const saved = process.env.SLOTPAY_OUTBOX_RETENTION_DAYS;
    try {
      for (const [value, days] of cases) {
        if (value === undefined) delete process.env.SLOTPAY_OUTBOX_RETENTION_DAYS;
        else process.env.SLOTPAY_OUTBOX_RETENTION_DAYS = value;
        expect([value, outboxRetentionDays()]).toEqual([value, days]);
      }
      process.env.SLOTPAY_OUTBOX_RETENTION_DAYS = "7";
      await message("delivered-8-days-ago", { deliveredAt: daysAgo(8) });
      await message("delivered-6-days-ago", { deliveredAt: daysAgo(6) });
      await pruneEndedMessages({ db: db(), now });
      expect(await remaining()).toEqual(["delivered-6-days-ago"]);
    } finally {
      if (saved === undefined) delete process.env.SLOTPAY_OUTBOX_RETENTION_DAYS;
      else process.env.SLOTPAY_OUTBOX_RETENTION_DAYS = saved;
    }
  });
});
