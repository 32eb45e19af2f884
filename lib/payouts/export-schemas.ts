import { z } from "zod";
import { hardMaxSlotsPerDay } from "@/lib/distribution/schemas";

export const payoutExportParams = z.object({ date: z.iso.date({ message: "date must be a calendar date, YYYY-MM-DD" }) });

export const payoutExportQuery = z.object({
  slot: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, "slot must be a whole number from 1")
    .transform(Number)
    .pipe(z.number().max(hardMaxSlotsPerDay, `slot must be at most ${hardMaxSlotsPerDay}`))
    .optional(),
});
