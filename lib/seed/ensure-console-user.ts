import { passwordMatches, hashPassword } from "@/lib/auth/password";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { accountThrottleKey } from "@/lib/auth/sign-in-keys";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { ConsoleAccount } from "./console-accounts";

export type ConsoleUserOutcome = {
  email: string;
  role: ConsoleAccount["role"];
  outcome: "created" | "updated" | "unchanged";
  changed: string[];
};

function sealedSecretHolds(sealed: string | null, secret: string): boolean {
  if (!sealed) return false;
  try {
    return openSecret(sealed) === secret;
  } catch {
    return false; // sealed under another key: re-seal with the current one
  }
}

/**
 * Makes the console user match the account: role, password and enrolled TOTP secret. Existing
 * values are checked by verifying them, so a second run writes nothing.
 */
export async function ensureConsoleUser(options: { db: PrismaClient; account: ConsoleAccount }): Promise<ConsoleUserOutcome> {
  const { db, account } = options;
  const summary = { email: account.email, role: account.role };
  const existing = await db.user.findUnique({
    where: { email: account.email },
    select: { id: true, role: true, passwordHash: true, totpSecret: true },
  });
  if (!existing) {
    await db.user.create({
      data: {
        email: account.email,
        name: account.role === "ADMIN" ? "Administrator" : "Viewer",
        role: account.role,
        passwordHash: await hashPassword(account.password),
        totpSecret: sealSecret(account.totpSecret),
      },
    });
    return { ...summary, outcome: "created", changed: [] };
  }
  const changes: Prisma.UserUpdateInput = {};
  const changed: string[] = [];
  if (existing.role !== account.role) {
    changes.role = account.role;
    changed.push("role");
  }
  if (!(await passwordMatches(account.password, existing.passwordHash))) {
    changes.passwordHash = await hashPassword(account.password);
    changed.push("password");
  }
  if (!sealedSecretHolds(existing.totpSecret, account.totpSecret)) {
    changes.totpSecret = sealSecret(account.totpSecret);
    changes.totpLastStep = null; // a new authenticator owes nothing to the old one's used steps
    changed.push("TOTP secret");
  }
  if (changed.length === 0) return { ...summary, outcome: "unchanged", changed };
  await db.user.update({ where: { id: existing.id }, data: changes });
  if (changes.passwordHash || changes.totpSecret) {
    // An operator resetting credentials through the seed also lifts the account's sign-in throttle.
    await db.signInThrottle.deleteMany({ where: { key: accountThrottleKey(account.email) } });
  }
  return { ...summary, outcome: "updated", changed };
}
