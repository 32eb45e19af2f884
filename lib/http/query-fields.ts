import { z } from "zod";
import { hardMaxSlotsPerDay, inYearRange } from "@/lib/distribution/schemas";

// Query-string fields shared by the read routes (and by the pages that build their URLs).

/** A calendar date "YYYY-MM-DD" (a real one: no February 30th), in the years PostgreSQL and the platform can mean. */
export const calendarDateField = (name: string) =>
  z.iso
    .date({ message: `${name} must be a calendar date, YYYY-MM-DD` })
    .refine(inYearRange, { message: `${name} must be in the years 1970 to 9999` });

/** A slot number as query text: "1" … "200". */
export const slotNumberField = (name: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,2}$/, `${name} must be a whole number from 1`)
    .transform(Number)
    .pipe(z.number().max(hardMaxSlotsPerDay, `${name} must be at most ${hardMaxSlotsPerDay}`));

/** An empty query parameter ("?actor=") means the filter is off, not a 400. */
export const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
