import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const demoSecretFile = () => path.join(process.cwd(), ".data", "nextauth-secret");

/**
 * NEXTAUTH_SECRET signs sessions and, unless SLOTPAY_ENCRYPTION_KEY is given, keys the
 * encryption of TOTP secrets. Only the embedded demo (no DATABASE_URL) may invent one,
 * kept in .data/ so that restarts keep sessions and enrolled authenticators valid.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL) {
    throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is set");
  }
  const file = demoSecretFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  return process.env.NEXTAUTH_SECRET;
}

/** 32-byte key for encrypting TOTP secrets at rest. */
export function encryptionKey(): Buffer {
  const explicit = process.env.SLOTPAY_ENCRYPTION_KEY;
  if (explicit) {
    const key = Buffer.from(explicit, "base64");
    if (key.length !== 32) throw new Error("SLOTPAY_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
    return key;
  }
  return Buffer.from(hkdfSync("sha256", authSecret(), "slotpay", "totp-secret-encryption", 32));
}
