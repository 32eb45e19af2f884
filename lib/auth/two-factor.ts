import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { openSecret } from "./secret-box";
import { acceptedTotpStep } from "./totp";

export const maxFailedCodes = 5;
export const codeLockoutSeconds = 15 * 60;

/** Marks a time step used; false when this or a later step was already accepted (a replay). */
export async function claimTotpStep(userId: number, step: number): Promise<boolean> {
  const claimed = await db().$executeRaw`
    UPDATE users SET totp_last_step = ${step}
    WHERE id = ${userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
  return claimed === 1;
}

function lockedError(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError("TWO_FACTOR_LOCKED", `Too many failed attempts. Try again in ${minutes} minute(s).`, {
    retryAfterSeconds,
  });
}

const secondsUntil = (until: Date, now: Date) => Math.ceil((until.getTime() - now.getTime()) / 1000);

/** Counts a failed code for the session; the fifth in a row locks its codes. Atomic under races. */
async function recordFailedCode(sessionId: string, now: Date): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + codeLockoutSeconds * 1000);
  const [row] = await db().$queryRaw<{ codes_locked_until: Date | null }[]>`
    UPDATE auth_sessions SET
      failed_codes = CASE WHEN failed_codes + 1 >= ${maxFailedCodes} THEN 0 ELSE failed_codes + 1 END,
      codes_locked_until = CASE WHEN failed_codes + 1 >= ${maxFailedCodes} THEN ${lockUntil} ELSE codes_locked_until END
    WHERE id = ${sessionId}
    RETURNING codes_locked_until`;
  return row?.codes_locked_until && row.codes_locked_until > now ? row.codes_locked_until : null;
}

/**
 * Checks a step-up code of an enrolled user for one session: each time step once, ±1 step of
 * drift. Failures count towards that session's lockout only (5 in a row → 15 minutes), so no
 * one else — least of all an anonymous sign-in attempt — can lock this session out.
 * Throws AppError TWO_FACTOR_INVALID / TWO_FACTOR_LOCKED.
 */
export async function verifySessionCode(options: { sessionId: string; userId: number; code: string | undefined; now?: Date }) {
  const now = options.now ?? new Date();
  const session = await db().authSession.findUniqueOrThrow({ where: { id: options.sessionId }, select: { codesLockedUntil: true } });
  if (session.codesLockedUntil && session.codesLockedUntil > now) throw lockedError(secondsUntil(session.codesLockedUntil, now));
  const user = await db().user.findUniqueOrThrow({ where: { id: options.userId }, select: { totpSecret: true, totpLastStep: true } });
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
  const lockedUntil = await recordFailedCode(options.sessionId, now);
  if (lockedUntil) throw lockedError(secondsUntil(lockedUntil, now));
  throw new AppError("TWO_FACTOR_INVALID", "Invalid or already used two-factor code");
}
