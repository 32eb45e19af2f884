import { randomUUID } from "node:crypto";
import type { DbExecutor } from "@/lib/db/client";
import { outboxTargets } from "./outbox-targets";
import { slotMessage, type SlotEnd } from "./slot-message";

type SlotEndRow = {
  date: string;
  slot_number: number;
  status: SlotEnd["status"];
  scheduled_for: Date;
  details: SlotEnd["details"];
  stakes_paid: number;
  ros_total: string;
  premium_paid: string;
  performance_paid: string;
};

/**
 * Writes the slot.completed / slot.failed message of a slot that has just ended, inside the
 * transaction that ended it: it commits with the slot or not at all. One row per configured
 * target, all with one message id; nothing when none is configured. Delivery comes after commit.
 */
export async function enqueueSlotMessage(tx: DbExecutor, options: { slotId: number }): Promise<string | null> {
  const targets = outboxTargets();
  if (targets.length === 0) return null;
  const [end] = await tx.$queryRaw<SlotEndRow[]>`
    SELECT d.date::text AS date, s.slot_number, s.status::text AS status, s.scheduled_for, s.execution_details AS details,
           count(*) FILTER (WHERE l.kind = 'ROS')::int AS stakes_paid,
           coalesce(sum(l.amount) FILTER (WHERE l.kind = 'ROS'), 0)::text AS ros_total,
           coalesce(sum(l.amount) FILTER (WHERE l.kind = 'PREMIUM_POOL'), 0)::text AS premium_paid,
           coalesce(sum(l.amount) FILTER (WHERE l.kind = 'PERFORMANCE_POOL'), 0)::text AS performance_paid
    FROM slots s JOIN days d ON d.id = s.day_id LEFT JOIN ledger_entries l ON l.slot_id = s.id
    WHERE s.id = ${options.slotId} AND s.status IN ('COMPLETED', 'FAILED')
    GROUP BY d.date, s.id`;
  if (!end) throw new Error(`Slot ${options.slotId} has not ended: no message to write`);
  const message = slotMessage({
    date: end.date,
    slotNumber: end.slot_number,
    status: end.status,
    scheduledFor: end.scheduled_for,
    details: end.details,
    stakesPaid: end.stakes_paid,
    rosTotal: end.ros_total,
    premiumPaid: end.premium_paid,
    performancePaid: end.performance_paid,
  });
  const id = `msg_${randomUUID().replaceAll("-", "")}`;
  const body = JSON.stringify(message);
  for (const target of targets) {
    await tx.$executeRaw`
      INSERT INTO outbox_messages (id, target, event_type, slot_id, body)
      VALUES (${id}, ${target}, ${message.type}, ${options.slotId}, ${body})`;
  }
  return id;
}
