import type { DayRow } from "./day-store";
import { countByStatus, type SlotStatus } from "./slot-status";

/** GET /today/status: seed 000's shape plus date, timeZone, counts and poolsPaid. Amounts are JSON numbers. */
export type DistributionStatus = {
  exists: boolean;
  status: SlotStatus | null;
  date: string;
  timeZone: string;
  data: { premiumPoolAmount: number; performancePoolAmount: number; description: string; queuedAt: string } | null;
  multiSlotEnabled: boolean;
  distributionSlots: {
    slotNumber: number;
    rosPercentage: number;
    scheduledFor: string;
    status: SlotStatus;
    attempts: number;
    executionDetails: unknown;
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
    })),
    counts: countByStatus(day.slots.map((slot) => slot.status)),
    poolsPaid: { premium: Number(day.premiumPoolPaid), performance: Number(day.performancePoolPaid) },
  };
}
