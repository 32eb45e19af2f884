import type { SlotStatus } from "./slot-status";
import { calendarDateIn } from "./time-zone";

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
  /** Caps: the sum of a day's slots' ROS, and each of its pools. */
  maxDailyRosPercentage: string;
  maxPoolAmount: string;
};

/** `today` is the date of the day being changed: today in the time zone, or the date a change addressed. */
export type PlanContext = { settings: ScheduleSettings; today: string; now: Date };

/** "today", or "on <date>" for a day a change addressed by its date: for messages. */
export const dayNameOf = (context: PlanContext) =>
  calendarDateIn(context.now, context.settings.timeZone) === context.today ? "today" : `on ${context.today}`;

export const bySlotNumber = (a: { slotNumber: number }, b: { slotNumber: number }) => a.slotNumber - b.slotNumber;
