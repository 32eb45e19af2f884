import type { AuditActor } from "@/lib/audit/record-audit";
import { changeToday } from "./change-today";
import type { DistributionSettings } from "./settings-store";
import { planRetry } from "./plan-retry";

export function retrySlot(options: {
  actor: AuditActor & { id: number };
  slotNumber: number;
  scheduledFor?: string;
  /** The day of the slot (default today): a slot of an earlier day stays retryable after midnight. */
  date?: string;
  expectedVersion?: number | null;
  /** The settings the route's precheck read. */
  settings?: DistributionSettings;
  now?: Date;
}) {
  return changeToday({
    actor: options.actor,
    action: "distribution.retry",
    now: options.now,
    settings: options.settings,
    date: options.date,
    expectedVersion: options.expectedVersion,
    plan: (day, context) => planRetry(day, { slotNumber: options.slotNumber, scheduledFor: options.scheduledFor }, context),
    describe: (_before, after) => {
      const slot = after.slots.find((s) => s.slotNumber === options.slotNumber);
      return `Slot ${options.slotNumber} will be retried at ${slot?.scheduledFor.toISOString()}`;
    },
  });
}
