import type { DbExecutor } from "@/lib/db/client";
import { giveUpAfterMs, retryWaitMs } from "./retry-schedule";
import type { ClaimedMessage } from "./claim-due-messages";

export type AttemptResult = { ok: true; status: number | null } | { ok: false; status: number | null; error: string };

/**
 * Writes how an attempt ended: delivered, or due again after the backoff, or given up once the
 * next try would fall past 24 h after the message was written. Guarded by the attempt number,
 * so a deliverer whose claim expired cannot overwrite a later attempt.
 */
export async function recordAttempt(
  db: DbExecutor,
  message: ClaimedMessage,
  result: AttemptResult,
): Promise<"DELIVERED" | "RETRY" | "GIVEN_UP"> {
  if (result.ok) {
    await db.$executeRaw`
      UPDATE outbox_messages SET delivered_at = now(), claimed_until = NULL, last_status = ${result.status}, last_error = NULL
      WHERE id = ${message.id} AND target = ${message.target} AND attempts = ${message.attempt}`;
    return "DELIVERED";
  }
  const waitMs = retryWaitMs(message.attempt);
  const [row] = await db.$queryRaw<{ given_up: boolean }[]>`
    UPDATE outbox_messages SET claimed_until = NULL, last_status = ${result.status}, last_error = ${result.error.slice(0, 2000)},
      next_attempt_at = now() + ${waitMs} * interval '1 millisecond',
      given_up_at = CASE WHEN now() + ${waitMs} * interval '1 millisecond' > created_at + ${giveUpAfterMs} * interval '1 millisecond'
                         THEN now() END
    WHERE id = ${message.id} AND target = ${message.target} AND attempts = ${message.attempt}
    RETURNING given_up_at IS NOT NULL AS given_up`;
  return row?.given_up ? "GIVEN_UP" : "RETRY";
}
