import type { DayRow } from "./day-store";
import type { AttemptRecord } from "./execution/attempt-history";
import { countByStatus, type SlotStatus } from "./slot-status";

/** GET /today/status: seed 000's shape plus date, timeZone, version, counts and poolsPaid. Amounts are JSON numbers. */
export type DistributionStatus = {
  exists: boolean;
  status: SlotStatus | null;
  date: string;
  timeZone: string;
  /** +1 on every admin change; null when no day exists. */
  version: number | null;
  data: { premiumPoolAmount: number; performancePoolAmount: number; description: string; queuedAt: string } | null;
  multiSlotEnabled: boolean;
  distributionSlots: {
    slotNumber: number;
    rosPercentage: number;
    scheduledFor: string;
    status: SlotStatus;
    attempts: number;
    executionDetails: unknown;
    /** Every attempt, oldest first, kept across retries. */
    attemptHistory: AttemptRecord[];
  }[];
  counts: Record<SlotStatus, number>;
  poolsPaid: { premium: number; performance: number };
};

export function statusView(day: DayRow | null, context: { date: string; timeZone: string }): DistributionStatus {
  if (!day) {
    return {
      exists: false,
      status: null,
      ...context,
      version: null,
      data: null,
      multiSlotEnabled: false,
      distributionSlots: [],
      counts: countByStatus([]),
      poolsPaid: { premium: 0, performance: 0 },
    };
  }
  return {
    exists: true,
    status: day.status,
    ...context,
    version: day.version,
    data: {
      premiumPoolAmount: Number(day.premiumPoolAmount),
      performancePoolAmount: Number(day.performancePoolAmount),
      description: day.description,
      queuedAt: day.queuedAt.toISOString(),
    },
    multiSlotEnabled: day.multiSlotEnabled,
    distributionSlots: day.slots.map((slot) => ({
      slotNumber: slot.slotNumber,
      rosPercentage: Number(slot.rosPercentage),
      scheduledFor: slot.scheduledFor.toISOString(),
      status: slot.status,
      attempts: slot.attempts,
      executionDetails: slot.executionDetails ?? null,
      attemptHistory: (slot.attemptHistory ?? []) as AttemptRecord[],
    })),
    counts: countByStatus(day.slots.map((slot) => slot.status)),
    poolsPaid: { premium: Number(day.premiumPoolPaid), performance: Number(day.performancePoolPaid) },
  };
}
