import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { decoyPasswordHash, passwordMatches } from "./password";
import { openSecret } from "./secret-box";
import { normalizeEmail } from "./sign-in-keys";
import { acceptedTotpStep } from "./totp";
import { claimTotpStep } from "./two-factor";

export type Credentials = { email?: string; password?: string; code?: string };

/** The one answer to every failed sign-in, whichever part was wrong. */
export const signInFailedMessage = "Invalid email, password or authentication code";

// What failed goes to the audit log only (details never reach the client: next-auth passes the message on).
const invalid = (failed: "account" | "password" | "code") => new AppError("UNAUTHENTICATED", signInFailedMessage, { details: { failed } });

async function codeAccepted(user: { id: number; totpSecret: string; totpLastStep: number | null }, code: string | undefined, now: Date) {
  const step = await acceptedTotpStep({
    secret: openSecret(user.totpSecret),
    code: code?.trim() ?? "",
    lastAcceptedStep: user.totpLastStep,
    at: now.getTime(),
  });
  return step !== null && (await claimTotpStep(user.id, step));
}

/**
 * Sign-in check behind next-auth's credentials provider: password, then the TOTP code once
 * enrolled. Every failure is the same error, after the same work: one account lookup and one
 * bcrypt compare (against a decoy hash when there is no account), so neither the answer nor its
 * time tells whether the email exists or the password was right. Throttling is the caller's
 * (lib/auth/authorize-sign-in.ts). A code is spent only with the right password.
 */
export async function verifyCredentials(credentials: Credentials, now = new Date()) {
  const user = await db().user.findUnique({
    where: { email: normalizeEmail(credentials.email) },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, totpSecret: true, totpLastStep: true },
  });
  const account = user?.role && user.passwordHash ? { ...user, role: user.role } : null;
  const passwordHash = account?.passwordHash ?? (await decoyPasswordHash());
  const passwordRight = await passwordMatches(credentials.password ?? "", passwordHash);
  if (!account) throw invalid("account");
  if (!passwordRight) throw invalid("password");
  if (account.totpSecret && !(await codeAccepted({ ...account, totpSecret: account.totpSecret }, credentials.code, now)))
    throw invalid("code");
  return { id: account.id, email: account.email, name: account.name, role: account.role };
}
