import type { ErrorDetail } from "./api-error";
import type { SentSlots } from "./request-bodies";

export type SlotField = "rosPercentage" | "time" | "row";
export type PoolField = "premiumPoolAmount" | "performancePoolAmount" | "description";

export type FieldErrors = {
  slots: Record<number, Partial<Record<SlotField, string>>>;
  pools: Partial<Record<PoolField, string>>;
  /** What belongs to no row or field; shown in the banner. */
  general: string[];
};

export const noFieldErrors = (): FieldErrors => ({ slots: {}, pools: {}, general: [] });

const slotFieldOf = (key: string | undefined): SlotField =>
  key === "rosPercentage" ? "rosPercentage" : key === "time" || key === "scheduledFor" ? "time" : "row";

const poolFields: readonly string[] = ["premiumPoolAmount", "performancePoolAmount", "description"];

function put(errors: FieldErrors, slotNumber: number, field: SlotField, message: string) {
  const row = (errors.slots[slotNumber] ??= {});
  row[field] ??= message;
}

/**
 * Which row and field a refusal is about. Zod issues name a path into the body that was sent
 * ("distributionSlots.2.rosPercentage": the third slot sent); the plans' own refusals name the
 * slot in words ("Slot 5 already exists", "slotNumber 60 is above …"), and the field when they
 * say which ("rosPercentage …", "scheduled for …", "no time").
 */
export function fieldErrorsOf(input: { message: string; issues: ErrorDetail[]; sent: SentSlots }): FieldErrors {
  const errors = noFieldErrors();
  for (const issue of input.issues) {
    const [list, index, key] = issue.path.split(".");
    const slotNumber = list === input.sent.list && index !== undefined ? input.sent.slotNumbers[Number(index)] : undefined;
    if (slotNumber !== undefined) put(errors, slotNumber, slotFieldOf(key), issue.message);
    else if (poolFields.includes(list)) errors.pools[list as PoolField] ??= issue.message;
    else errors.general.push(issue.message);
  }
  if (input.issues.length > 0) return errors;
  const named = /\b(?:[Ss]lot|slotNumber) (\d+)\b/.exec(input.message);
  if (named && input.sent.slotNumbers.includes(Number(named[1]))) {
    const field: SlotField = /rosPercentage|ROS/.test(input.message)
      ? "rosPercentage"
      : /schedul|time/i.test(input.message)
        ? "time"
        : "row";
    put(errors, Number(named[1]), field, input.message);
  } else {
    const pool = poolFields.find((name) => input.message.startsWith(name));
    if (pool) errors.pools[pool as PoolField] = input.message;
    else errors.general.push(input.message);
  }
  return errors;
}

/** Whether there is anything to mark. */
export const hasFieldErrors = (errors: FieldErrors) =>
  Object.keys(errors.slots).length > 0 || Object.keys(errors.pools).length > 0 || errors.general.length > 0;
