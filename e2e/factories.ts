import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { sealSecret } from "../lib/auth/secret-box";
import { currentTotpCode, newTotpSecret, totpPeriodSeconds } from "../lib/auth/totp";
import { testDatabaseUrl } from "../tests/setup/test-database";
import { e2eAuthSecret, e2eDatabaseName } from "./fixtures";

// Every test makes its own console user, with its own TOTP secret, straight in the e2e server's
// database. Its codes are handed out one time step after another, starting one step back (the
// server accepts ±1 step), so a test gets three codes at once and never waits for a new step.

export type E2eRole = "ADMIN" | "VIEWER";

export type E2eUser = {
  id: number;
  email: string;
  password: string;
  role: E2eRole;
  totpSecret: string | null;
  /** The next code the server has not accepted yet for this user (waits only after three in one step). */
  nextCode: () => Promise<string>;
};

const periodMs = totpPeriodSeconds * 1000;

function codeSequence(secret: string | null): () => Promise<string> {
  let lastStep = -Infinity;
  return async () => {
    if (!secret) throw new Error("this user has no two-factor secret");
    let nowStep = Math.floor(Date.now() / periodMs);
    let step = Math.max(lastStep + 1, nowStep - 1);
    if (step > nowStep + 1) {
      await new Promise((resolve) => setTimeout(resolve, (step - 1) * periodMs - Date.now() + 250));
      nowStep = Math.floor(Date.now() / periodMs);
      step = Math.max(lastStep + 1, nowStep - 1);
    }
    lastStep = step;
    return currentTotpCode(secret, step * periodMs);
  };
}

export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(e2eDatabaseName) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A console user in the e2e database: ADMIN by default, with 2FA enrolled unless `twoFactor: false`. */
export async function createE2eUser(options: { role?: E2eRole; twoFactor?: boolean } = {}): Promise<E2eUser> {
  process.env.NEXTAUTH_SECRET = e2eAuthSecret; // seals the TOTP secret with the server's key
  const role = options.role ?? "ADMIN";
  const password = `pw-${randomUUID()}`;
  const totpSecret = options.twoFactor === false ? null : newTotpSecret();
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@e2e.slotpay.test`;
  const passwordHash = await hashPassword(password);
  const id = await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO users (email, name, role, password_hash, totp_secret) VALUES ($1, $2, $3::"Role", $4, $5) RETURNING id`,
      [email, `E2E ${role.toLowerCase()}`, role, passwordHash, totpSecret ? sealSecret(totpSecret) : null],
    );
    return rows[0].id;
  });
  return { id, email, password, role, totpSecret, nextCode: codeSequence(totpSecret) };
}

/** Signs the user in through the sign-in page; the caller asserts where it lands. */
export async function signInThroughPage(page: Page, user: E2eUser, options: { callbackUrl?: string } = {}): Promise<void> {
  await page.goto(options.callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  if (user.totpSecret) await page.getByLabel("Authentication code").fill(await user.nextCode());
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A new user of that role, signed in through the page. */
export async function signedInUser(page: Page, options: { role?: E2eRole } = {}): Promise<E2eUser> {
  const user = await createE2eUser(options);
  await signInThroughPage(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return user;
}
