import { randomUUID } from "node:crypto";
import type { Role } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { sealSecret } from "@/lib/auth/secret-box";
import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { openAuthSession } from "@/lib/auth/sessions";
import { currentTotpCode, newTotpSecret } from "@/lib/auth/totp";

export type ConsoleUser = { id: number; email: string; password: string; totpSecret: string | null };

/** A console user as the seed makes one: hashed password, sealed TOTP secret unless `twoFactor: false`. */
export async function createConsoleUser(options: { role?: Role; twoFactor?: boolean } = {}): Promise<ConsoleUser> {
  const password = `pw-${randomUUID()}`;
  const totpSecret = options.twoFactor === false ? null : newTotpSecret();
  const user = await db().user.create({
    data: {
      email: `${(options.role ?? "ADMIN").toLowerCase()}-${randomUUID()}@slotpay.test`,
      role: options.role ?? "ADMIN",
      passwordHash: await hashPassword(password),
      totpSecret: totpSecret ? sealSecret(totpSecret) : null,
    },
  });
  return { id: user.id, email: user.email, password, totpSecret };
}

/** A signed-in session as next-auth would open it; returns its Cookie header value. */
export async function signInAs(user: ConsoleUser): Promise<{ sessionId: string; cookie: string }> {
  const sessionId = await openAuthSession(user.id);
  return { sessionId, cookie: await sessionCookieFor({ sid: sessionId, sub: String(user.id), email: user.email }) };
}

/** The user's code for `offsetSteps` 30-s steps from now (±1 is accepted, each step once). */
export function codeFor(user: ConsoleUser, offsetSteps = 0): Promise<string> {
  if (!user.totpSecret) throw new Error("user has no two-factor secret");
  return currentTotpCode(user.totpSecret, Date.now() + offsetSteps * 30_000);
}

/** A code that is not the user's current, previous or next one. */
export async function wrongCodeFor(user: ConsoleUser): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((offset) => codeFor(user, offset))));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}
