import { describe, expect, it } from "vitest";
import { retryWaitMs } from "@/lib/webhooks/retry-schedule";
import { signWebhook, verifyWebhookSignature, webhookSecretKey } from "@/lib/webhooks/sign-webhook";
import { slotMessage } from "@/lib/webhooks/slot-message";

describe("Standard Webhooks signatures", () => {
  // The test vector of the Standard Webhooks reference libraries.
  const vector = {
    secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
    timestamp: 1614265330,
    body: '{"test": 2432232314}',
  };

  it("signs the reference vector as the reference libraries do", () => {
    expect(signWebhook(vector)).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("verifies any of several space-separated signatures, and nothing changed", () => {
    const header = `v1,bm90LWl0 ${signWebhook(vector)}`;
    expect(verifyWebhookSignature({ ...vector, header })).toBe(true);
    expect(verifyWebhookSignature({ ...vector, header, body: '{"test": 2432232315}' })).toBe(false);
    expect(verifyWebhookSignature({ ...vector, header, timestamp: vector.timestamp + 1 })).toBe(false);
    expect(verifyWebhookSignature({ ...vector, header, id: "msg_other" })).toBe(false);
    expect(verifyWebhookSignature({ ...vector, header: "v1,short" })).toBe(false);
  });

  it("a whsec_ secret is base64 key bytes; any other secret is its UTF-8 bytes", () => {
    expect(webhookSecretKey("whsec_aGVsbG8=")).toEqual(Buffer.from("hello"));
    expect(webhookSecretKey("hello")).toEqual(Buffer.from("hello"));
    expect(signWebhook({ ...vector, secret: "whsec_aGVsbG8=" })).toBe(signWebhook({ ...vector, secret: "hello" }));
  });
});

describe("retries", () => {
  it("double from the base to at most an hour", () => {
    expect([1, 2, 3, 4].map((attempt) => retryWaitMs(attempt, 10_000))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryWaitMs(30, 10_000)).toBe(3_600_000);
  });
});

describe("the slot message", () => {
  const end = {
    date: "2030-01-01",
    slotNumber: 2,
    scheduledFor: new Date("2030-01-01T10:00:00Z"),
    stakesPaid: 3,
    rosTotal: "12.50000000",
    premiumPaid: "3.00000001",
    performancePaid: "0",
  };

  it("a completed slot: the totals exact and canonical, no error", () => {
    const details = { executedAt: "2030-01-01T10:00:00.100Z", completedAt: "2030-01-01T10:00:01.000Z", attempt: 1 };
    const message = slotMessage({ ...end, status: "COMPLETED", details });
    expect(message).toEqual({
      type: "slot.completed",
      timestamp: "2030-01-01T10:00:01.000Z",
      data: {
        day: { date: "2030-01-01" },
        slot: {
          number: 2,
          status: "COMPLETED",
          scheduledFor: "2030-01-01T10:00:00.000Z",
          executedAt: details.executedAt,
          endedAt: details.completedAt,
          attempt: 1,
        },
        totals: { stakesPaid: 3, totalRos: "12.5", premiumPoolPaid: "3.00000001", performancePoolPaid: "0", totalPaid: "15.50000001" },
      },
    });
  });

  it("a failed slot carries its error", () => {
    const details = { executedAt: "2030-01-01T10:00:00.100Z", failedAt: "2030-01-01T10:00:02.000Z", error: "boom" };
    const message = slotMessage({ ...end, status: "FAILED", details, stakesPaid: 0, rosTotal: "0", premiumPaid: "0" });
    expect(message.type).toBe("slot.failed");
    expect(message.data).toMatchObject({ error: "boom", slot: { endedAt: details.failedAt, attempt: null } });
  });
});
