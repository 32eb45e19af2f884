import type { DistributionStatus } from "@/lib/distribution/status-view";
import type { ServerSettings, SettingsBody } from "./settings-draft";

export type Impact = { tone: "warning" | "info"; text: string };

const list = (numbers: number[]) => numbers.join(", ");
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Why the time zone cannot change now (a change must not make "today" jump), or null. */
export function timeZoneLockReason(today: DistributionStatus | undefined): string | null {
  if (!today?.exists) return null;
  const open = today.counts.PENDING + today.counts.EXECUTING;
  if (open === 0) return null;
  return (
    `The time zone cannot change while ${today.date} has ${today.counts.PENDING} pending and ` +
    `${today.counts.EXECUTING} executing ${plural(open, "slot", "slots")}: it would move "today".`
  );
}

/** What saving `body` does to today's day, in words, before the admin saves. */
export function impactOnToday(options: {
  body: SettingsBody;
  settings: ServerSettings;
  today: DistributionStatus | undefined;
  now: number;
}): Impact[] {
  const { body, settings, today, now } = options;
  const impacts: Impact[] = [];
  if (body.timeZone !== undefined) {
    const locked = timeZoneLockReason(today);
    if (locked) impacts.push({ tone: "warning", text: `${locked} The change will be refused.` });
    else impacts.push({ tone: "info", text: `"Today" will be the calendar date in ${body.timeZone}; slot times are read in that zone.` });
  }
  if (!today?.exists) {
    if (impacts.length === 0 && Object.keys(body).length > 0)
      impacts.push({ tone: "info", text: "No day is queued today: nothing queued changes." });
    return impacts;
  }
  const pending = today.distributionSlots.filter((slot) => slot.status === "PENDING");

  if (body.maxRosPercentage !== undefined) {
    const over = pending.filter((slot) => slot.rosPercentage > body.maxRosPercentage!).map((slot) => slot.slotNumber);
    if (over.length > 0) {
      impacts.push({
        tone: "warning",
        text: `Pending ${plural(over.length, "slot", "slots")} ${list(over)} of today ${plural(over.length, "exceeds", "exceed")} ${body.maxRosPercentage} % ROS: ${plural(over.length, "it still runs", "they still run")} as queued, but saving ${plural(over.length, "it", "them")} again will be refused until lowered.`,
      });
    }
  }
  if (body.maxSlotsPerDay !== undefined && today.distributionSlots.length > body.maxSlotsPerDay) {
    impacts.push({
      tone: "warning",
      text: `Today already has ${today.distributionSlots.length} slots, more than ${body.maxSlotsPerDay}: no slot can be added today.`,
    });
  }
  if (body.maxDailyRosPercentage !== undefined) {
    const dayRos = today.distributionSlots.reduce((sum, slot) => sum + slot.rosPercentage, 0);
    if (dayRos > body.maxDailyRosPercentage) {
      impacts.push({
        tone: "warning",
        text: `Today's slots add up to ${dayRos} % ROS, above ${body.maxDailyRosPercentage} %: further changes of today will be refused.`,
      });
    }
  }
  if (body.maxPoolAmount !== undefined && today.data) {
    const pools = [
      ["premium", today.data.premiumPoolAmount],
      ["performance", today.data.performancePoolAmount],
    ] as const;
    for (const [name, amount] of pools) {
      if (amount > body.maxPoolAmount)
        impacts.push({ tone: "warning", text: `Today's ${name} pool (${amount}) is above ${body.maxPoolAmount}.` });
    }
  }
  if (body.maxLatenessSeconds !== undefined) {
    const missed = pending
      .filter((slot) => now - Date.parse(slot.scheduledFor) > body.maxLatenessSeconds! * 1000)
      .map((slot) => slot.slotNumber);
    if (missed.length > 0) {
      impacts.push({
        tone: "warning",
        text: `Pending ${plural(missed.length, "slot", "slots")} ${list(missed)} of today ${plural(missed.length, "is", "are")} later than that already: the scheduler will mark ${plural(missed.length, "it", "them")} FAILED as missed.`,
      });
    }
  }
  if (body.maxAttempts !== undefined) {
    const spent = today.distributionSlots
      .filter((slot) => slot.status !== "COMPLETED" && slot.attempts >= body.maxAttempts!)
      .map((slot) => slot.slotNumber);
    if (spent.length > 0) {
      impacts.push({
        tone: "warning",
        text: `${plural(spent.length, "Slot", "Slots")} ${list(spent)} of today already used ${body.maxAttempts} attempts: a lost lease will fail ${plural(spent.length, "it", "them")}.`,
      });
    }
  }
  if (body.slots !== undefined) {
    const times = new Map(body.slots.map((slot) => [slot.slotNumber, slot.time]));
    const before = new Map(settings.slots.map((slot) => [slot.slotNumber, slot.time]));
    const moved = pending.filter((slot) => times.get(slot.slotNumber) !== before.get(slot.slotNumber)).map((slot) => slot.slotNumber);
    impacts.push({
      tone: "info",
      text:
        moved.length > 0
          ? `Pending ${plural(moved.length, "slot", "slots")} ${list(moved)} of today keep the time ${plural(moved.length, "it was", "they were")} queued for; the new times apply to slots queued from now on.`
          : "The new slot times apply to slots queued from now on; no pending slot of today moves.",
    });
  }
  if (body.premiumMinStake !== undefined || body.performanceMinScore !== undefined) {
    impacts.push({ tone: "info", text: "The pool thresholds decide who qualifies at the next slot that pays a pool." });
  }
  return impacts;
}
