import { z } from "zod";
import { calendarDateField } from "@/lib/http/query-fields";

/** The platform's id of a member as it may appear in a path: printable, no spaces, at most 191 characters. */
export const externalIdField = z
  .string()
  .min(1, "externalId must not be empty")
  .max(191, "externalId must be at most 191 characters")
  .regex(/^[\x21-\x7e]+$/, "externalId must be printable ASCII without spaces");

export const statementParams = z.object({ externalId: externalIdField });

export const maxStatementDays = 366;

export const statementQuery = z
  .object({ from: calendarDateField("from"), to: calendarDateField("to") })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < maxStatementDays * 86_400_000, {
    message: `A statement covers at most ${maxStatementDays} days`,
    path: ["to"],
  });

/** The console's member look-up: an external id or an email. */
export const memberLookupQuery = z.object({
  q: z.string().trim().min(1, "q must be an external id or an email").max(320, "q must be at most 320 characters"),
});
