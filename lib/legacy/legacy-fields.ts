import { z } from "zod";
import { moneyScale, toUnits } from "@/lib/distribution/money";
import { hardMaxSlotsPerDay } from "@/lib/distribution/schemas";
import { slotStatuses, type SlotStatus } from "@/lib/distribution/slot-status";
import { fractionDigits, plainDecimal, plainDecimalOfNumber } from "./decimal-text";
import { ExactNumberValue, ObjectIdValue, parseIsoInstant, type DecodedValue } from "./extended-json";

// The fields of a legacy document, each checked by one function so that every problem reads as
// one plain sentence ("must be at least 0, got -250") under the field's path.

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (value instanceof ObjectIdValue) return `ObjectId ${value.hex}`;
  if (value instanceof ExactNumberValue) return value.text;
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** A zod field whose value `check` accepts (normalised) or refuses with a sentence. */
function field<T>(check: (value: unknown) => { value: T } | { error: string }) {
  return z.unknown().transform((value, ctx): T => {
    const result = check(value);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error, input: value });
      return z.NEVER;
    }
    return result.value;
  });
}

const missing = { error: "missing" };

const unitsPerWhole = 10n ** BigInt(moneyScale);

function decimalCheck(range: { min: bigint; minExclusive: boolean; max: bigint; maxText: string }) {
  return (value: unknown): { value: string } | { error: string } => {
    if (value === undefined) return missing;
    const plain =
      typeof value === "number" ? plainDecimalOfNumber(value) : value instanceof ExactNumberValue ? plainDecimal(value.text) : null;
    if (plain === null) return { error: `must be a number, got ${describeValue(value)}` };
    if (fractionDigits(plain) > moneyScale) return { error: `has more than ${moneyScale} decimal places (${plain})` };
    const units = toUnits(plain);
    const tooLow = range.minExclusive ? units <= range.min : units < range.min;
    if (tooLow) return { error: `must be ${range.minExclusive ? "greater than" : "at least"} ${range.min / unitsPerWhole}, got ${plain}` };
    if (units > range.max) return { error: `must be at most ${range.maxText}, got ${plain}` };
    return { value: plain };
  };
}

// numeric(20,8): twelve integer digits.
export const poolAmount = field(decimalCheck({ min: 0n, minExclusive: false, max: 10n ** 20n - 1n, maxText: "999999999999.99999999" }));
export const rosCheck = decimalCheck({ min: 0n, minExclusive: true, max: 100n * unitsPerWhole, maxText: "100" });
export const rosPercentage = field(rosCheck);

/** A $date, or an ISO 8601 instant string from exports made without Extended JSON. */
export const instant = field((value): { value: Date } | { error: string } => {
  if (value === undefined) return missing;
  if (value instanceof Date) return { value };
  const ms = typeof value === "string" ? parseIsoInstant(value) : Number.NaN;
  if (!Number.isNaN(ms)) return { value: new Date(ms) };
  return { error: `must be a $date, got ${describeValue(value)}` };
});

/** The day: "YYYY-MM-DD" as the old system stored it, or a $date taken at its UTC date. */
export const dayDate = field((value): { value: string } | { error: string } => {
  if (value === undefined) return missing;
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const parsed = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)) return { value };
    return { error: `${JSON.stringify(value)} is not a calendar date` };
  }
  return { error: `must be "YYYY-MM-DD" or a $date, got ${describeValue(value)}` };
});

type LegacyId = { id: string; createdAt: Date | null };
export const legacyId = field((value): { value: LegacyId } | { error: string } => {
  if (value === undefined || value === null) return missing;
  if (value instanceof ObjectIdValue) return { value: { id: value.hex, createdAt: value.timestamp } };
  if (typeof value === "string" && value.trim() !== "" && value.length <= 200) return { value: { id: value.trim(), createdAt: null } };
  return { error: `must be an ObjectId or a non-empty string, got ${describeValue(value)}` };
});

export const status = field((value): { value: SlotStatus } | { error: string } => {
  if (slotStatuses.includes(value as SlotStatus)) return { value: value as SlotStatus };
  return { error: `unknown status ${describeValue(value)} (expected ${slotStatuses.join(", ")})` };
});

export const slotNumber = field((value): { value: number } | { error: string } => {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= hardMaxSlotsPerDay) return { value };
  return { error: value === undefined ? "missing" : `must be a whole number from 1 to ${hardMaxSlotsPerDay}, got ${describeValue(value)}` };
});

export const text = field((value): { value: string } | { error: string } =>
  typeof value === "string" ? { value } : { error: `must be a string, got ${describeValue(value)}` },
);

export const boolean = field((value): { value: boolean } | { error: string } =>
  typeof value === "boolean" ? { value } : { error: `must be true or false, got ${describeValue(value)}` },
);

export type DecodedObject = { [key: string]: DecodedValue };
export const details = field((value): { value: DecodedObject } | { error: string } =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof ObjectIdValue) &&
  !(value instanceof ExactNumberValue)
    ? { value: value as DecodedObject }
    : { error: `must be an object or null, got ${describeValue(value)}` },
);
