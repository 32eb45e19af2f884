import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { SignInKeys } from "./sign-in-keys";
import { blockSecondsAfter, failureMemorySeconds, signInLimits } from "./sign-in-limits";

// The database side of sign-in throttling (docs/decisions/006-sign-in-throttling.md): every
// instance counts in the same rows, and each count is one atomic statement, so concurrent
// attempts cannot slip past it.

const windowMs = 60_000;
const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

function waitPhrase(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function throttledError(retryAfterSeconds: number): AppError {
  return new AppError("RATE_LIMITED", `Too many sign-in attempts. Try again in ${waitPhrase(retryAfterSeconds)}.`, { retryAfterSeconds });
}

/**
 * Counts the attempt against the client's per-minute budget and refuses it (429, before any
 * password is hashed) when that budget is spent or the client or the account is blocked.
 */
export async function admitSignInAttempt(keys: SignInKeys, now = new Date()): Promise<void> {
  const windowStartedBefore = new Date(now.getTime() - windowMs);
  const [row] = await db().$queryRaw<{ attempts: number; window_start: Date; client_blocked: Date | null; account_blocked: Date | null }[]>`
    WITH client AS (
      INSERT INTO sign_in_throttles AS t (key, window_start, attempts, expires_at)
      VALUES (${keys.client}, ${now}, 1, ${new Date(now.getTime() + windowMs)})
      ON CONFLICT (key) DO UPDATE SET
        attempts = CASE WHEN t.window_start <= ${windowStartedBefore} THEN 1 ELSE t.attempts + 1 END,
        window_start = CASE WHEN t.window_start <= ${windowStartedBefore} THEN ${now} ELSE t.window_start END,
        expires_at = GREATEST(t.expires_at, ${new Date(now.getTime() + windowMs)})
      RETURNING attempts, window_start, blocked_until
    )
    SELECT client.attempts, client.window_start, client.blocked_until AS client_blocked,
      (SELECT blocked_until FROM sign_in_throttles WHERE key = ${keys.account}) AS account_blocked
    FROM client`;
  const waits: number[] = [];
  if (row.attempts > signInLimits().attemptsPerMinute) waits.push(secondsUntil(new Date(row.window_start.getTime() + windowMs), now));
  for (const blocked of [row.client_blocked, row.account_blocked]) if (blocked && blocked > now) waits.push(secondsUntil(blocked, now));
  if (waits.length > 0) throw throttledError(Math.max(...waits));
}

async function countFailure(key: string, free: number, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - failureMemorySeconds * 1000);
  const [row] = await db().$queryRaw<{ failures: number }[]>`
    INSERT INTO sign_in_throttles AS t (key, window_start, failures, last_failure_at, expires_at)
    VALUES (${key}, ${now}, 1, ${now}, ${plusSeconds(now, failureMemorySeconds)})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.last_failure_at IS NULL OR t.last_failure_at <= ${forgetBefore} THEN 1 ELSE t.failures + 1 END,
      last_failure_at = ${now},
      expires_at = GREATEST(t.expires_at, ${plusSeconds(now, failureMemorySeconds)})
    RETURNING failures`;
  const blockSeconds = blockSecondsAfter(row.failures, free, signInLimits().maxDelaySeconds);
  if (blockSeconds === 0) return;
  const until = plusSeconds(now, blockSeconds);
  await db().$executeRaw`
    UPDATE sign_in_throttles SET blocked_until = GREATEST(COALESCE(blocked_until, ${until}), ${until}), expires_at = GREATEST(expires_at, ${until})
    WHERE key = ${key}`;
}

/** One failed sign-in: counts for the client and the account (or known device), and forgets expired rows. */
export async function recordSignInFailure(keys: SignInKeys, now = new Date()): Promise<void> {
  const limits = signInLimits();
  await countFailure(keys.client, limits.freeFailuresPerClient, now);
  await countFailure(keys.account, limits.freeFailuresPerAccount, now);
  await db().$executeRaw`
    DELETE FROM sign_in_throttles WHERE key IN (SELECT key FROM sign_in_throttles WHERE expires_at < ${now} LIMIT 100)`;
}

/** A successful sign-in clears the account's (and known device's) failures; the client's keep counting. */
export async function recordSignInSuccess(keys: SignInKeys): Promise<void> {
  await db().$executeRaw`
    UPDATE sign_in_throttles SET failures = 0, blocked_until = NULL
    WHERE key IN (${keys.account}, ${keys.accountRow}) AND (failures <> 0 OR blocked_until IS NOT NULL)`;
}
