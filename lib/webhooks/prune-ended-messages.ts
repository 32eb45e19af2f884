import type { DbExecutor } from "@/lib/db/client";
import { logEvent } from "@/lib/observability/log";

const dayMs = 24 * 60 * 60 * 1000;

/** SLOTPAY_OUTBOX_RETENTION_DAYS (default 30): how long a delivered or given-up message stays visible to admins. */
export function outboxRetentionDays(): number {
  const configured = Number(process.env.SLOTPAY_OUTBOX_RETENTION_DAYS);
  return Number.isInteger(configured) && configured >= 1 ? configured : 30;
}

/**
 * Deletes the messages that ended (delivered or given up) more than the retention ago. A message
 * still to be delivered is never deleted, however old: the outbox's promise is that it arrives.
 */
export async function pruneEndedMessages(options: { db: DbExecutor; now: Date; retentionDays?: number }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.retentionDays ?? outboxRetentionDays()) * dayMs);
  const deleted = await options.db.$executeRaw`
    DELETE FROM outbox_messages WHERE delivered_at < ${cutoff} OR given_up_at < ${cutoff}`;
  if (deleted > 0) logEvent("outbox.pruned", { deleted, endedBefore: cutoff.toISOString() });
  return deleted;
}
