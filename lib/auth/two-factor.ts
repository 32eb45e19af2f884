import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { lockStateOf, recordFailedAttempt } from "./failed-attempts";
import { openSecret } from "./secret-box";
import { acceptedTotpStep } from "./totp";

/** Marks a time step used; false when this or a later step was already accepted (a replay). */
async function claimTotpStep(userId: number, step: number): Promise<boolean> {
  const claimed = await db().$executeRaw`
    UPDATE users SET totp_last_step = ${step}, failed_attempts = 0
    WHERE id = ${userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
  return claimed === 1;
}

function lockedError(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError("TWO_FACTOR_LOCKED", `Too many failed attempts. Try again in ${minutes} minute(s).`, {
    retryAfterSeconds,
  });
}

export function assertNotLocked(lockedUntil: Date | null, now = new Date()): void {
  const lock = lockStateOf(lockedUntil, now);
  if (lock.locked) throw lockedError(lock.retryAfterSeconds);
}

/**
 * Checks a TOTP code of an enrolled user: each time step once, ±1 step of drift,
 * failures counted towards the lockout. Throws AppError TWO_FACTOR_INVALID / TWO_FACTOR_LOCKED.
 */
export async function verifyTwoFactorCode(options: { userId: number; code: string | undefined; now?: Date }) {
  const now = options.now ?? new Date();
  const user = await db().user.findUniqueOrThrow({
    where: { id: options.userId },
    select: { totpSecret: true, totpLastStep: true, lockedUntil: true },
  });
  assertNotLocked(user.lockedUntil, now);
  if (!user.totpSecret) {
    throw new AppError("FORBIDDEN", "Two-factor authentication must be set up before making changes");
  }
  if (!options.code) throw new AppError("TWO_FACTOR_INVALID", "A two-factor code is required");
  const step = await acceptedTotpStep({
    secret: openSecret(user.totpSecret),
    code: options.code,
    lastAcceptedStep: user.totpLastStep,
    at: now.getTime(),
  });
  if (step !== null && (await claimTotpStep(options.userId, step))) return;
  const lock = await recordFailedAttempt(options.userId, now);
  if (lock.locked) throw lockedError(lock.retryAfterSeconds);
  throw new AppError("TWO_FACTOR_INVALID", "Invalid or already used two-factor code");
}
