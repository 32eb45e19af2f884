import { z } from "zod";
import { decimalOfNumber } from "./money";
import { localTimePattern } from "./time-zone";

// Request bodies of SPEC §5. Unknown fields are dropped, not refused: the frontend sends slots
// back as it received them (with status and executionDetails). Limits that depend on settings
// (max ROS, max slots) are checked by the plans, which know the settings.

export const hardMaxSlotsPerDay = 200;

/** A JSON number with at most 8 decimal places, as an exact decimal string. */
const decimalNumber = (label: string, range: { min: number; max: number; minExclusive?: boolean }) =>
  z
    .number({ error: `${label} must be a number` })
    .refine((n) => (range.minExclusive ? n > range.min : n >= range.min), {
      message: `${label} must be ${range.minExclusive ? "greater than" : "at least"} ${range.min}`,
    })
    .refine((n) => n <= range.max, { message: `${label} must be at most ${range.max}` })
    .refine((n) => decimalOfNumber(n) !== null, { message: `${label} has more than 8 decimal places` })
    .transform((n) => decimalOfNumber(n) as string);

// numeric(20,8) holds up to 999,999,999,999.99999999.
export const poolAmount = (label: string) => decimalNumber(label, { min: 0, max: 999_999_999_999 });

export const rosPercentage = decimalNumber("rosPercentage", { min: 0, max: 100, minExclusive: true });

// PostgreSQL has no year 0 (ISO 0000 is 1 BC), so dates are kept to years the platform can mean.
export const inYearRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= 1970 && year <= 9999;
};

/** An ISO 8601 instant with an offset, in the years 1970–9999. */
export const isoInstant = (label: string) =>
  z.iso
    .datetime({ offset: true, message: `${label} must be an ISO 8601 instant` })
    .refine(inYearRange, { message: `${label} must be in the years 1970 to 9999` });

export const slotInput = z.object({
  slotNumber: z.number().int("slotNumber must be a whole number").min(1).max(hardMaxSlotsPerDay),
  rosPercentage,
  scheduledFor: isoInstant("scheduledFor").optional(),
  time: z.string().regex(localTimePattern, "time must be HH:mm or HH:mm:ss").optional(),
});
export type SlotInput = z.output<typeof slotInput>;

const uniqueSlotNumbers = (slots: { slotNumber: number }[], ctx: z.RefinementCtx) => {
  const seen = new Set<number>();
  for (const [index, slot] of slots.entries()) {
    if (seen.has(slot.slotNumber)) {
      ctx.addIssue({ code: "custom", path: [index, "slotNumber"], message: `Duplicate slot number ${slot.slotNumber}` });
    }
    seen.add(slot.slotNumber);
  }
};

const slotList = z.array(slotInput).max(hardMaxSlotsPerDay, `At most ${hardMaxSlotsPerDay} slots`).superRefine(uniqueSlotNumbers);

const description = z.string().trim().max(500, "description must be at most 500 characters");

const isoDate = z.iso.date({ message: "dates are YYYY-MM-DD" }).refine(inYearRange, { message: "dates must be in the years 1970 to 9999" });
// A distribution day's date; PostgreSQL refuses year 0, and no day predates the product.
const dayDate = isoDate.refine((date) => date >= "2000-01-01", "date must be 2000-01-01 or later");

/**
 * Which day a mutation changes and which version of it the client saw: `date`
 * defaults to today; `expectedVersion` null means "no day yet". Both optional: the seeds'
 * frontend sends neither.
 */
const dayAddress = {
  date: dayDate.optional(),
  expectedVersion: z
    .number({ error: "expectedVersion must be a whole number" })
    .int("expectedVersion must be a whole number")
    .min(1)
    .max(2_147_483_647)
    .nullable()
    .optional(),
};
type DayAddress = { date?: string; expectedVersion?: number | null };
const dayAddressOf = ({ date, expectedVersion }: DayAddress): DayAddress => ({ date, expectedVersion });

/** POST /queue (seed 000): multiSlot or multiSlotEnabled; single-slot takes one rosPercentage. */
export const queueBody = z
  .object({
    premiumPoolAmount: poolAmount("premiumPoolAmount").optional(),
    performancePoolAmount: poolAmount("performancePoolAmount").optional(),
    description: description.optional(),
    multiSlot: z.boolean().optional(),
    multiSlotEnabled: z.boolean().optional(),
    rosPercentage: rosPercentage.optional(),
    scheduledFor: slotInput.shape.scheduledFor,
    time: slotInput.shape.time,
    distributionSlots: slotList.optional(),
    ...dayAddress,
  })
  .transform((body, ctx) => {
    const multiSlot = body.multiSlot ?? body.multiSlotEnabled ?? true;
    let slots = body.distributionSlots ?? [];
    if (!multiSlot) {
      const only = slots[0];
      const ros = body.rosPercentage ?? only?.rosPercentage;
      if (slots.length > 1 || ros === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["distributionSlots"],
          message: "A single-slot distribution takes exactly one rosPercentage",
        });
        return z.NEVER;
      }
      slots = [{ slotNumber: 1, rosPercentage: ros, scheduledFor: body.scheduledFor ?? only?.scheduledFor, time: body.time ?? only?.time }];
    }
    if (slots.length === 0) {
      ctx.addIssue({ code: "custom", path: ["distributionSlots"], message: "distributionSlots must be a non-empty array" });
      return z.NEVER;
    }
    return {
      premiumPoolAmount: body.premiumPoolAmount,
      performancePoolAmount: body.performancePoolAmount,
      description: body.description,
      multiSlotEnabled: multiSlot,
      slots,
      ...dayAddressOf(body),
    };
  });
export type QueueRequest = z.output<typeof queueBody>;

/** POST /modify (seed 000): replaces the PENDING part of today's day. */
export const modifyBody = z.object({
  premiumPoolAmount: poolAmount("premiumPoolAmount").optional(),
  performancePoolAmount: poolAmount("performancePoolAmount").optional(),
  description: description.optional(),
  multiSlot: z.boolean().optional(),
  multiSlotEnabled: z.boolean().optional(),
  distributionSlots: slotList.min(1, "distributionSlots must be a non-empty array"),
  ...dayAddress,
});
export type ModifyRequest = z.output<typeof modifyBody>;

/** POST /today/add-slots (seed 001), with its exact message for an empty list. */
export const addSlotsBody = z.object({
  additionalSlots: z
    .array(slotInput, { error: "additionalSlots must be non-empty array" })
    .min(1, "additionalSlots must be non-empty array")
    .max(hardMaxSlotsPerDay, `At most ${hardMaxSlotsPerDay} slots`)
    .superRefine(uniqueSlotNumbers),
  ...dayAddress,
});
export type AddSlotsRequest = z.output<typeof addSlotsBody>;

export const retryBody = z.object({
  scheduledFor: slotInput.shape.scheduledFor,
  ...dayAddress,
});

export const slotNumberParam = z.object({
  slotNumber: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, "slotNumber must be a whole number from 1")
    .transform(Number)
    .pipe(z.number().max(hardMaxSlotsPerDay, `slotNumber must be at most ${hardMaxSlotsPerDay}`)),
});

export const previewQuery = z.object({
  rosPercentage: z.coerce.number({ error: "rosPercentage must be a number" }).pipe(rosPercentage).optional(),
});

export const dateParam = z.object({ date: dayDate });

export const historyQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });

/** POST …/test-execute-cron: one scheduler tick as of `now`. */
export const tickBody = z.object({ now: isoInstant("now").optional() });
