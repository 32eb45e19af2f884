import type { DbExecutor } from "@/lib/db/client";
import type { OutboxTarget } from "./outbox-targets";

export type ClaimedMessage = { id: string; target: OutboxTarget; eventType: string; body: string; attempt: number };

/**
 * Claims up to `limit` messages due for an attempt, for `leaseMs`: one statement, with
 * FOR UPDATE SKIP LOCKED, so deliverers of several instances never take the same message and
 * each attempt is made once. A deliverer that dies mid-attempt leaves the claim to expire; the
 * message is then due again (delayed, never lost).
 */
export async function claimDueMessages(
  db: DbExecutor,
  options: { targets: OutboxTarget[]; leaseMs: number; limit?: number },
): Promise<ClaimedMessage[]> {
  if (options.targets.length === 0) return [];
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE outbox_messages m
    SET claimed_until = now() + ${options.leaseMs} * interval '1 millisecond', attempts = m.attempts + 1, last_attempt_at = now()
    FROM (
      SELECT id, target FROM outbox_messages
      WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
        AND (claimed_until IS NULL OR claimed_until < now()) AND target = ANY(${options.targets})
      ORDER BY next_attempt_at, id LIMIT ${options.limit ?? 20}
      FOR UPDATE SKIP LOCKED) due
    WHERE m.id = due.id AND m.target = due.target
    RETURNING m.id, m.target, m.event_type AS "eventType", m.body, m.attempts AS attempt`;
}

/** When the earliest message of `targets` not yet delivered may be tried (null: none left). */
export async function nextDueAt(db: DbExecutor, targets: OutboxTarget[]): Promise<Date | null> {
  if (targets.length === 0) return null;
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT min(greatest(next_attempt_at, coalesce(claimed_until, next_attempt_at))) AS at FROM outbox_messages
    WHERE delivered_at IS NULL AND given_up_at IS NULL AND target = ANY(${targets})`;
  return row?.at ?? null;
}
