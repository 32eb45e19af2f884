import type { DistributionStatus } from "@/lib/distribution/status-view";

export const fastPollMs = 2_000;
export const slowPollMs = 10_000;
const soonMs = 60_000;

/**
 * How long until the next poll of today's status, or false for none: nothing while paused or
 * while the tab is hidden; fast while a slot runs or one is due within a minute (or overdue);
 * slow otherwise. TanStack Query asks again after every fetch, so the rate follows the day.
 */
export function pollIntervalMs(options: {
  status: DistributionStatus | undefined;
  now: number;
  paused: boolean;
  visible: boolean;
}): number | false {
  const { status, now, paused, visible } = options;
  if (paused || !visible) return false;
  const slots = status?.distributionSlots ?? [];
  if (slots.some((slot) => slot.status === "EXECUTING")) return fastPollMs;
  const dueSoon = slots.some((slot) => slot.status === "PENDING" && Date.parse(slot.scheduledFor) - now <= soonMs);
  return dueSoon ? fastPollMs : slowPollMs;
}
