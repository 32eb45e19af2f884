import type { DistributionStatus } from "@/lib/distribution/status-view";
import { formatAmount, statusLabels, timeInZone } from "./format";

/**
 * What another admin (or the scheduler) changed between the day this admin edited and the day
 * the server has now, in words — shown with a 409 CONFLICT so the admin can decide to reapply.
 */
export function describeDayChanges(before: DistributionStatus, after: DistributionStatus): string[] {
  if (!before.exists && after.exists) return [`The day was queued with ${after.distributionSlots.length} slot(s).`];
  if (before.exists && !after.exists) return ["The day no longer exists."];
  const changes: string[] = [];
  const pool = (name: string, from: number | undefined, to: number | undefined) => {
    if (from !== to) changes.push(`${name} pool ${formatAmount(from ?? 0)} → ${formatAmount(to ?? 0)}.`);
  };
  pool("Premium", before.data?.premiumPoolAmount, after.data?.premiumPoolAmount);
  pool("Performance", before.data?.performancePoolAmount, after.data?.performancePoolAmount);
  if ((before.data?.description ?? "") !== (after.data?.description ?? "")) changes.push("The description changed.");

  const zone = after.timeZone;
  const old = new Map(before.distributionSlots.map((slot) => [slot.slotNumber, slot]));
  const now = new Map(after.distributionSlots.map((slot) => [slot.slotNumber, slot]));
  for (const slot of after.distributionSlots) {
    const was = old.get(slot.slotNumber);
    const at = timeInZone(slot.scheduledFor, zone);
    if (!was) {
      changes.push(`Slot ${slot.slotNumber} was added (${slot.rosPercentage} % at ${at}).`);
      continue;
    }
    if (was.status !== slot.status)
      changes.push(`Slot ${slot.slotNumber} is ${statusLabels[slot.status]} (was ${statusLabels[was.status]}).`);
    if (was.rosPercentage !== slot.rosPercentage)
      changes.push(`Slot ${slot.slotNumber} ROS ${was.rosPercentage} % → ${slot.rosPercentage} %.`);
    if (was.scheduledFor !== slot.scheduledFor) changes.push(`Slot ${slot.slotNumber} time ${timeInZone(was.scheduledFor, zone)} → ${at}.`);
  }
  for (const slot of before.distributionSlots) {
    if (!now.has(slot.slotNumber)) changes.push(`Slot ${slot.slotNumber} was removed.`);
  }
  return changes.length > 0 ? changes : ["Nothing you can see changed (only the day's version moved on)."];
}
