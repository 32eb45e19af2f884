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
