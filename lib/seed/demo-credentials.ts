import { randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newTotpSecret } from "@/lib/auth/totp";

export const demoAdminEmail = "admin@slotpay.local";
export const demoViewerEmail = "viewer@slotpay.local";

export type DemoCredentials = {
  admin: { email: string; password: string; totpSecret: string };
  viewer: { email: string; totpSecret: string };
};

export const demoCredentialsFile = () => path.join(process.cwd(), ".data", "demo-admin.json");

// No 0/O, 1/l/I: the password is read off a terminal and typed by hand.
const passwordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

function newDemoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => passwordAlphabet[randomInt(passwordAlphabet.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

function isDemoCredentials(value: unknown): value is DemoCredentials {
  const v = value as DemoCredentials | null;
  return (
    typeof v?.admin?.email === "string" &&
    typeof v.admin.password === "string" &&
    typeof v.admin.totpSecret === "string" &&
    typeof v.viewer?.email === "string" &&
    typeof v.viewer.totpSecret === "string"
  );
}

/** The demo credentials kept in .data/demo-admin.json, or null before the first start. */
export function readDemoCredentials(): DemoCredentials | null {
  const file = demoCredentialsFile();
  if (!existsSync(file)) return null;
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!isDemoCredentials(parsed)) {
    throw new Error(`${file} is not a demo credentials file; delete it to generate new credentials.`);
  }
  return parsed;
}

/** Generated once and kept, so every restart prints (and the database holds) the same credentials. */
export function loadOrCreateDemoCredentials(): DemoCredentials {
  const existing = readDemoCredentials();
  if (existing) return existing;
  const created: DemoCredentials = {
    admin: { email: demoAdminEmail, password: newDemoPassword(), totpSecret: newTotpSecret() },
    viewer: { email: demoViewerEmail, totpSecret: newTotpSecret() },
  };
  const file = demoCredentialsFile();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return created;
}
