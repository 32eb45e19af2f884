import { eventType } from "inngest";
import { z } from "zod";

const slotIdentity = {
  dayId: z.number().int().positive(),
  slotNumber: z.number().int().positive(),
};

/** A slot was queued or (re)scheduled: its function sleeps until scheduledFor, then runs it. */
export const slotScheduled = eventType("distribution/slot.scheduled", {
  schema: z.object({ ...slotIdentity, scheduledFor: z.string() }),
});

/**
 * A slot was rescheduled or removed: cancels runs sleeping for any other time of that slot.
 * scheduledFor is its new time ("" when removed), so the run for the new time is kept.
 */
export const slotChanged = eventType("distribution/slot.changed", {
  schema: z.object({ ...slotIdentity, scheduledFor: z.string() }),
});

const slotMessageData = z.object({
  day: z.object({ date: z.string() }),
  slot: z.object({
    number: z.number().int().positive(),
    status: z.enum(["COMPLETED", "FAILED"]),
    scheduledFor: z.string(),
    executedAt: z.string().nullable(),
    endedAt: z.string(),
    attempt: z.number().int().nullable(),
  }),
  totals: z.object({
    stakesPaid: z.number().int(),
    totalRos: z.string(),
    premiumPoolPaid: z.string(),
    performancePoolPaid: z.string(),
    totalPaid: z.string(),
  }),
  error: z.string().optional(),
});

/** A slot ended COMPLETED (sent after commit from the outbox; the same fact as the slot.completed webhook). */
export const slotCompletedEvent = eventType("slotpay/slot.completed", { schema: slotMessageData });

/** A slot ended FAILED (the same fact as the slot.failed webhook). */
export const slotFailedEvent = eventType("slotpay/slot.failed", { schema: slotMessageData });
