import type { SlotStatus } from "./slot-status";

// The pure picture of a distribution day that the plans transform; lib/distribution's I/O
// reads it from and writes it back to the database.

export type SlotState = {
  slotNumber: number;
  rosPercentage: string;
  scheduledFor: Date;
  status: SlotStatus;
  attempts: number;
  executionDetails: unknown;
};

export type DayState = {
  premiumPoolAmount: string;
  performancePoolAmount: string;
  premiumPoolPaid: string;
  performancePoolPaid: string;
  description: string;
  multiSlotEnabled: boolean;
  slots: SlotState[];
};

export type ScheduleSettings = {
  timeZone: string;
  /** Local "HH:mm[:ss]" by slot number. */
  slotTimes: Record<string, string>;
  maxSlotsPerDay: number;
  maxRosPercentage: string;
};

export type PlanContext = { settings: ScheduleSettings; today: string; now: Date };

export const bySlotNumber = (a: { slotNumber: number }, b: { slotNumber: number }) => a.slotNumber - b.slotNumber;
