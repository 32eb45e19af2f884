import { db } from "@/lib/db/client";

export const maxFailedAttempts = 5;
export const lockoutSeconds = 15 * 60;

export type LockState = { locked: false } | { locked: true; retryAfterSeconds: number };

export function lockStateOf(lockedUntil: Date | null, now = new Date()): LockState {
  if (!lockedUntil || lockedUntil <= now) return { locked: false };
  return { locked: true, retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000) };
}

/** Counts one failed password or code; the fifth in a row locks the account. Atomic under races. */
export async function recordFailedAttempt(userId: number, now = new Date()): Promise<LockState> {
  const lockUntil = new Date(now.getTime() + lockoutSeconds * 1000);
  const [row] = await db().$queryRaw<{ locked_until: Date | null }[]>`
    UPDATE users SET
      failed_attempts = CASE WHEN failed_attempts + 1 >= ${maxFailedAttempts} THEN 0 ELSE failed_attempts + 1 END,
      locked_until = CASE WHEN failed_attempts + 1 >= ${maxFailedAttempts} THEN ${lockUntil} ELSE locked_until END
    WHERE id = ${userId}
    RETURNING locked_until`;
  return lockStateOf(row?.locked_until ?? null, now);
}

export async function clearFailedAttempts(userId: number): Promise<void> {
  await db().$executeRaw`UPDATE users SET failed_attempts = 0 WHERE id = ${userId} AND failed_attempts <> 0`;
}
