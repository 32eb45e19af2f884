import type { Role } from "@/lib/db/generated/enums";
import { loadOrCreateDemoCredentials } from "./demo-credentials";
import { isDemoMode } from "./demo-mode";
import { parseTotpSecret } from "./totp-secret-input";

export type ConsoleAccount = {
  email: string;
  password: string;
  totpSecret: string;
  role: Role;
  /** Whether the password was generated for the demo (and so may be printed) or given in ADMIN_PASSWORD. */
  passwordGenerated: boolean;
};

export type ConsoleAccounts = { admin: ConsoleAccount | null; viewer: ConsoleAccount | null };

const adminVariables = ["ADMIN_EMAIL", "ADMIN_PASSWORD", "ADMIN_TOTP_SECRET"] as const;

const normaliseEmail = (email: string) => email.trim().toLowerCase();

function givenAdminEnvironment() {
  const email = process.env.ADMIN_EMAIL?.trim() || undefined;
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`ADMIN_EMAIL="${email}" is not an email address.`);
  const secret = process.env.ADMIN_TOTP_SECRET?.trim() || undefined;
  return {
    email: email && normaliseEmail(email),
    password: process.env.ADMIN_PASSWORD || undefined, // spaces may be part of a password
    totpSecret: secret && parseTotpSecret(secret, "ADMIN_TOTP_SECRET"),
  };
}

/**
 * The console accounts the seed must ensure. With DATABASE_URL: the admin of ADMIN_* (all three,
 * or none and no admin). In demo mode: each ADMIN_* given overrides the generated demo value, and
 * a VIEWER shares the admin's password.
 */
export function resolveConsoleAccounts(): ConsoleAccounts {
  const given = givenAdminEnvironment();
  if (!isDemoMode()) {
    const { email, password, totpSecret } = given;
    if (!email && !password && !totpSecret) return { admin: null, viewer: null };
    if (!email || !password || !totpSecret) {
      const missing = adminVariables.filter((_, i) => ![email, password, totpSecret][i]);
      throw new Error(`${missing.join(", ")} must be set together with the other ADMIN_* variables.`);
    }
    return { admin: { email, password, totpSecret, role: "ADMIN", passwordGenerated: false }, viewer: null };
  }
  const demo = loadOrCreateDemoCredentials();
  const admin: ConsoleAccount = {
    email: given.email ?? demo.admin.email,
    password: given.password ?? demo.admin.password,
    totpSecret: given.totpSecret ?? parseTotpSecret(demo.admin.totpSecret, "the demo admin's TOTP secret"),
    role: "ADMIN",
    passwordGenerated: given.password === undefined,
  };
  const viewer: ConsoleAccount = {
    email: demo.viewer.email,
    password: admin.password,
    totpSecret: parseTotpSecret(demo.viewer.totpSecret, "the demo viewer's TOTP secret"),
    role: "VIEWER",
    passwordGenerated: admin.passwordGenerated,
  };
  return { admin, viewer: viewer.email === admin.email ? null : viewer };
}
