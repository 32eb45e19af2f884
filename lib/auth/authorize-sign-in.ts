import { recordAudit } from "@/lib/audit/record-audit";
import { tallyAnonymousRefusal } from "@/lib/audit/tally-refusal";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/forwarded";
import { normalizeEmail, signInKeysOf } from "./sign-in-keys";
import { recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";
import { verifyCredentials, type Credentials } from "./verify-credentials";

/**
 * A failed sign-in for a console account is an audit row naming the account as stored (never
 * the text typed); one for an unknown email only counts in the anonymous tally.
 */
async function auditFailure(email: string, headers: Headers, error: AppError): Promise<void> {
  const account = await db().user.findUnique({ where: { email }, select: { id: true, email: true, role: true } });
  if (!account?.role) return tallyAnonymousRefusal({ action: "auth.sign-in", reason: error.code });
  await recordAudit({
    actor: { id: account.id, email: account.email },
    action: "auth.sign-in",
    outcome: "REFUSED",
    reason: error.code,
    details: { client: clientAddress(headers), ...(error.options.details as Record<string, string> | undefined) },
  });
}

/**
 * next-auth's `authorize`: checks the credentials, then counts the outcome for throttling (the
 * attempt itself was admitted by lib/auth/sign-in-gate.ts) and audits a refusal.
 */
export async function authorizeSignIn(credentials: Credentials, headers: Headers, now = new Date()) {
  const keys = signInKeysOf({ headers, email: credentials.email });
  try {
    const user = await verifyCredentials(credentials, now);
    await recordSignInSuccess(keys);
    return user;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await recordSignInFailure(keys, now);
    await auditFailure(normalizeEmail(credentials.email), headers, error);
    throw error;
  }
}
