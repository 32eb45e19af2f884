import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { openSecret, sealSecret } from "./secret-box";
import type { SignedInUser } from "./sessions";
import { acceptedTotpStep, newTotpSecret, totpUri } from "./totp";

const enrollmentTtlMs = 15 * 60 * 1000;

type PendingEnrollment = { userId: number; secret: string; expiresAt: number };

/**
 * A fresh secret for the enrollment page. It travels back sealed in the form rather than being
 * stored, so an abandoned enrollment leaves nothing behind and nothing changes until a code
 * from the new authenticator proves it was set up.
 */
export function startTwoFactorEnrollment(user: SignedInUser, now = Date.now()) {
  const secret = newTotpSecret();
  const pending: PendingEnrollment = { userId: user.id, secret, expiresAt: now + enrollmentTtlMs };
  return { secret, uri: totpUri(secret, user.email), enrollmentToken: sealSecret(JSON.stringify(pending)) };
}

function readPendingEnrollment(token: string, userId: number, now: number): PendingEnrollment {
  let pending: PendingEnrollment;
  try {
    pending = JSON.parse(openSecret(token)) as PendingEnrollment;
  } catch {
    throw new AppError("VALIDATION", "The enrollment form is invalid; reload the page");
  }
  if (pending.userId !== userId || pending.expiresAt < now) {
    throw new AppError("VALIDATION", "The enrollment form has expired; reload the page");
  }
  return pending;
}

export async function completeTwoFactorEnrollment(options: { user: SignedInUser; enrollmentToken: string; code: string; now?: number }) {
  const now = options.now ?? Date.now();
  const pending = readPendingEnrollment(options.enrollmentToken, options.user.id, now);
  const step = await acceptedTotpStep({ secret: pending.secret, code: options.code, lastAcceptedStep: null, at: now });
  if (step === null) throw new AppError("TWO_FACTOR_INVALID", "That code does not match; check the time on your device");
  const enrolled = await db().$executeRaw`
    UPDATE users SET totp_secret = ${sealSecret(pending.secret)}, totp_last_step = ${step}
    WHERE id = ${options.user.id} AND totp_secret IS NULL`;
  if (enrolled !== 1) throw new AppError("CONFLICT", "Two-factor authentication is already set up");
  await recordAudit({ actor: options.user, action: "account.two-factor.enroll", outcome: "OK" });
}
