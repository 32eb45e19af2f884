import { createHash, randomBytes } from "node:crypto";

// A key is "slotpay_" and 32 random bytes (base64url): guessing one is hopeless, so a plain
// SHA-256 (no salt, no slow hash) is enough to keep the stored form useless to a reader of the
// database, and lets a request find its key with one indexed lookup.
export const apiKeyMarker = "slotpay_";
const prefixLength = apiKeyMarker.length + 6;

export function newApiKeySecret(): { key: string; prefix: string; keyHash: string } {
  const key = `${apiKeyMarker}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, prefixLength), keyHash: hashApiKey(key) };
}

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

/** The shape of a key this app issued; anything else is not looked up. */
export const looksLikeApiKey = (text: string) => /^slotpay_[A-Za-z0-9_-]{43}$/.test(text);
