import { eventType } from "inngest";
import { z } from "zod";

const slotRef = z.object({
  dayId: z.number().int().positive(),
  slotNumber: z.number().int().positive(),
  scheduledFor: z.iso.datetime({ offset: true }),
});

/** A slot was queued or (re)scheduled: its function sleeps until scheduledFor, then runs it. */
export const slotScheduled = eventType("distribution/slot.scheduled", { schema: slotRef });

/** A slot was changed or removed: cancels the sleeping function of its previous version. */
export const slotChanged = eventType("distribution/slot.changed", {
  schema: z.object({ dayId: z.number().int().positive(), slotNumber: z.number().int().positive() }),
});
