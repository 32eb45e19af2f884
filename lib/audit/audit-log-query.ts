import { z } from "zod";
import { blankAsAbsent, calendarDateField, slotNumberField } from "@/lib/http/query-fields";

export const auditOutcomes = ["OK", "REFUSED", "FAILED"] as const;

/**
 * GET /api/admin/audit-log's filters, also what the audit log page keeps in its URL.
 * from/to: the days the entries were recorded (inclusive, in the settings' time zone).
 * date (+ slot): the entries about one distribution day (or one of its slots).
 */
export const auditLogQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    action: blankAsAbsent(z.string().trim().max(100)),
    outcome: blankAsAbsent(z.enum(auditOutcomes)),
    actor: blankAsAbsent(z.string().trim().max(320)),
    from: blankAsAbsent(calendarDateField("from")),
    to: blankAsAbsent(calendarDateField("to")),
    date: blankAsAbsent(calendarDateField("date")),
    slot: blankAsAbsent(slotNumberField("slot")),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => q.slot === undefined || q.date !== undefined, { message: "slot needs date (the slot's day)", path: ["slot"] });

export type AuditLogQuery = z.output<typeof auditLogQuery>;
