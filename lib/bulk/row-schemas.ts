import { z } from "zod";
import { decimalOfNumber } from "@/lib/distribution/money";
import { isoInstant } from "@/lib/distribution/schemas";

// One row of the bulk upserts and the importer: the same schema parses an API body's rows, a
// CSV line and an NDJSON line, and gives the OpenAPI document its row types.

export const maxRowsPerRequest = 50_000;

const decimalText = /^\d{1,12}(\.\d+)?$/;

/** An amount as a JSON number or a decimal string, kept exactly: more than 8 decimals is refused, never rounded. */
const exactDecimal = (label: string, options: { positive: boolean }) =>
  z.union([z.number(), z.string()], { error: `${label} must be a number or a decimal string` }).transform((value, ctx) => {
    const text = typeof value === "number" ? decimalOfNumberOrFraction(value) : value.trim();
    if (text === null || !decimalText.test(text)) {
      ctx.addIssue({ code: "custom", message: `${label} must be a decimal from 0 to 999999999999.99999999` });
      return z.NEVER;
    }
    if ((text.split(".")[1]?.length ?? 0) > 8) {
      ctx.addIssue({ code: "custom", message: `${label} has more than 8 decimal places` });
      return z.NEVER;
    }
    if (options.positive && !/[1-9]/.test(text)) {
      ctx.addIssue({ code: "custom", message: `${label} must be greater than 0` });
      return z.NEVER;
    }
    return text;
  });

// A JSON number with 9+ decimals has no 8-decimal form; show it with its digits so the row says why.
function decimalOfNumberOrFraction(value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return decimalOfNumber(value) ?? (value < 1e12 ? value.toFixed(20).replace(/0+$/, "") : null);
}

const externalId = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .min(1, `${label} is required`)
    .max(128, `${label} must be at most 128 characters`)
    .regex(/^[^\s,"]+$/, `${label} must not contain spaces, commas or quotes`);

export const memberRow = z.strictObject({
  externalId: externalId("externalId"),
  email: z
    .string({ error: "email must be text" })
    .trim()
    .max(254, "email must be at most 254 characters")
    .pipe(z.email({ error: "email must be an email address" }))
    .transform((email) => email.toLowerCase()),
  name: z.string({ error: "name must be text" }).trim().max(200, "name must be at most 200 characters").default(""),
  performanceScore: exactDecimal("performanceScore", { positive: false }).default("0"),
});
export type MemberRow = z.output<typeof memberRow>;

const nullableInstant = (label: string) => z.union([isoInstant(label), z.null()]).optional();

export const stakeRow = z
  .strictObject({
    externalId: externalId("externalId"),
    memberExternalId: externalId("memberExternalId"),
    principal: exactDecimal("principal", { positive: true }),
    status: z.enum(["ACTIVE", "ENDED"], { error: "status must be ACTIVE or ENDED" }),
    startedAt: isoInstant("startedAt"),
    endedAt: nullableInstant("endedAt"),
  })
  .superRefine((row, ctx) => {
    if (row.status === "ENDED" && !row.endedAt)
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "endedAt is required when status is ENDED" });
    if (row.status === "ACTIVE" && row.endedAt)
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "endedAt must be empty while status is ACTIVE" });
    if (row.endedAt && Date.parse(row.endedAt) < Date.parse(row.startedAt))
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "endedAt must not be before startedAt" });
  });
export type StakeRow = z.output<typeof stakeRow>;

/** The bulk bodies as the OpenAPI document shows them; the routes parse each row with the element schema. */
export const memberRows = z.array(memberRow).max(maxRowsPerRequest);
export const stakeRows = z.array(stakeRow).max(maxRowsPerRequest);

/** One refused row: its index in the request (or its line in a file), the field, and why. */
export type RowError = { row: number; field: string | null; message: string };
