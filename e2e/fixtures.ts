import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { currentTotpCode, totpPeriodSeconds } from "../lib/auth/totp";

// E2E_PORT lets two checkouts run their suites side by side; each port has its own database.
export const e2ePort = Number(process.env.E2E_PORT || 3100);
export const e2eBaseUrl = `http://localhost:${e2ePort}`;
export const e2eDatabaseName = e2ePort === 3100 ? "slotpay_e2e" : `slotpay_e2e_${e2ePort}`;
export const e2eAuthSecret = "slotpay-e2e-secret-not-for-production-use";

/** The admin e2e/serve.ts seeds. The TOTP secret is RFC 6238's test key ("12345678901234567890"). */
export const adminCredentials = {
  email: "e2e-admin@slotpay.test",
  password: "e2e-password-1234",
  totpSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
} as const;

// The server accepts each time step once per user. The last step handed out is kept in a file,
// not in memory, because Playwright starts a new worker process after a failed test.
const lastStepFile = path.join(os.tmpdir(), `slotpay-e2e-${e2ePort}-last-totp-step`);
const periodMs = totpPeriodSeconds * 1000;

function lastStepHandedOut(): number {
  if (!existsSync(lastStepFile)) return -1;
  const step = Number(readFileSync(lastStepFile, "utf8"));
  return Number.isInteger(step) ? step : -1;
}

/** A code the server has not accepted yet: waits for the next 30-s step if this one was used. */
export async function unusedTotpCode(secret: string = adminCredentials.totpSecret): Promise<string> {
  const nextFreeStep = lastStepHandedOut() + 1;
  const waitMs = nextFreeStep * periodMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 250));
  const at = Date.now();
  writeFileSync(lastStepFile, String(Math.floor(at / periodMs)));
  return currentTotpCode(secret, at);
}

/** Fills and submits the sign-in form; the caller asserts where it lands. */
export async function submitSignIn(page: Page, fields: { email?: string; password?: string; code?: string } = {}): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(fields.email ?? adminCredentials.email);
  await page.getByLabel("Password").fill(fields.password ?? adminCredentials.password);
  await page.getByLabel("Authentication code").fill(fields.code ?? (await unusedTotpCode()));
  await page.getByRole("button", { name: "Sign in" }).click();
}
