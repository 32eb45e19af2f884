import { Prisma } from "@/lib/db/generated/client";

// Every attempt of a slot — when it started and ended, how, and why it failed —
// kept in slots.attempt_history across retries. `attempts` still counts only the attempts
// since the slot was last queued or retried (what maxAttempts limits); an entry's `attempt`
// numbers it in the slot's whole life.

export type AttemptOutcome = "COMPLETED" | "FAILED" | "LEASE_EXPIRED" | "MISSED";

export type AttemptRecord = {
  attempt: number;
  startedAt: string;
  /** Null when nobody saw it end: an executor that stopped responding (LEASE_EXPIRED). */
  endedAt: string | null;
  outcome: AttemptOutcome;
  error?: string;
};

/** The value for `SET attempt_history = …`: the history with one more attempt, numbered after the last. */
export function appendAttemptSql(entry: Omit<AttemptRecord, "attempt">): Prisma.Sql {
  return Prisma.sql`attempt_history || jsonb_build_array(${JSON.stringify(entry)}::jsonb || jsonb_build_object('attempt', jsonb_array_length(attempt_history) + 1))`;
}

/** The columns written when a claimed attempt ends, paid or failed: lease released, attempt counted, details and history kept. */
export const endedAttemptColumns = (options: { attempt: number; details: unknown; history: Prisma.Sql }) => [
  Prisma.sql`lease_owner = NULL, lease_expires_at = NULL, attempt_started_at = NULL`,
  Prisma.sql`attempts = ${options.attempt}, execution_details = ${JSON.stringify(options.details)}::jsonb, attempt_history = ${options.history}`,
];
