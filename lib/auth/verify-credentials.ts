import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/app-error";
import { recordFailedAttempt } from "./failed-attempts";
import { passwordMatches } from "./password";
import { assertNotLocked, verifyTwoFactorCode } from "./two-factor";

export type Credentials = { email?: string; password?: string; code?: string };

const invalid = () => new AppError("UNAUTHENTICATED", "Invalid email or password");
// Compared against when the email is unknown, so both cases take the same time.
const decoyHash = "$2b$12$lt.X9fooOIPgfkGnPvsnu.4nJi7mjE/7DoYEYfSTl2wKH5MfWTSZS";

/**
 * Sign-in check behind next-auth's credentials provider: password, then the TOTP code once
 * enrolled. Failures of either count towards the lockout. Throws AppError on refusal.
 */
export async function verifyCredentials(credentials: Credentials, now = new Date()) {
  const email = credentials.email?.trim().toLowerCase() ?? "";
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, totpSecret: true, lockedUntil: true },
  });
  if (!user?.role || !user.passwordHash) {
    await passwordMatches(credentials.password ?? "", decoyHash);
    throw invalid();
  }
  assertNotLocked(user.lockedUntil, now);
  if (!(await passwordMatches(credentials.password ?? "", user.passwordHash))) {
    const lock = await recordFailedAttempt(user.id, now);
    if (lock.locked) assertNotLocked(new Date(now.getTime() + lock.retryAfterSeconds * 1000), now);
    throw invalid();
  }
  if (user.totpSecret) {
    if (!credentials.code?.trim()) throw new AppError("TWO_FACTOR_INVALID", "Enter the code from your authenticator app");
    await verifyTwoFactorCode({ userId: user.id, code: credentials.code.trim(), now });
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
