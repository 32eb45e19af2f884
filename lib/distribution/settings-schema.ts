import { z } from "zod";
import { decimalOfNumber } from "./money";
import { hardMaxSlotsPerDay, poolAmount } from "./schemas";
import { isValidTimeZone, localTimePattern } from "./time-zone";

/** A percentage setting: above 0, at most 100, at most 8 decimals. */
const percentage = (label: string) =>
  z
    .number()
    .gt(0)
    .max(100)
    .refine((n) => decimalOfNumber(n) !== null, `${label} has more than 8 decimal places`);

const slotTime = z.object({
  slotNumber: z.number().int().min(1).max(hardMaxSlotsPerDay),
  time: z.string().regex(localTimePattern, "time must be HH:mm or HH:mm:ss"),
});

/** PUT /cron-settings: any subset of SPEC §4's settings. */
export const settingsBody = z
  .object({
    timeZone: z.string().max(64).refine(isValidTimeZone, "timeZone must be an IANA time zone, e.g. Europe/London").optional(),
    timezone: z.string().max(64).refine(isValidTimeZone, "timezone must be an IANA time zone, e.g. Europe/London").optional(),
    slots: z.array(slotTime).max(hardMaxSlotsPerDay).optional(),
    maxSlotsPerDay: z.number().int().min(1).max(hardMaxSlotsPerDay).optional(),
    maxRosPercentage: percentage("maxRosPercentage").optional(),
    // At most 100 % of a stake in one day, however an admin sets it (decision 010).
    maxDailyRosPercentage: percentage("maxDailyRosPercentage").optional(),
    maxPoolAmount: poolAmount("maxPoolAmount").optional(),
    maxLatenessSeconds: z.number().int().min(60).max(86_400).optional(),
    maxAttempts: z.number().int().min(1).max(10).optional(),
    premiumMinStake: poolAmount("premiumMinStake").optional(),
    performanceMinScore: poolAmount("performanceMinScore").optional(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<number>();
    for (const [index, slot] of (body.slots ?? []).entries()) {
      if (seen.has(slot.slotNumber)) {
        ctx.addIssue({ code: "custom", path: ["slots", index, "slotNumber"], message: `Duplicate slot number ${slot.slotNumber}` });
      }
      seen.add(slot.slotNumber);
    }
  });
export type SettingsChange = z.output<typeof settingsBody>;
