import { expiringMap } from "@/lib/cache/expiring-map";

// Decoding a session JWT derives its key with HKDF and decrypts it (next-auth v4 does both per
// call); the same cookie arrives on every poll, so decoded tokens are kept until they expire.

type Claims = Record<string, unknown>;
const decoded = expiringMap<Claims>("__slotpayDecodedTokens");

export async function decodeOnce(token: string, decode: (token: string) => Promise<Claims | null>, now = Date.now()) {
  const hit = decoded.get(token, now);
  if (hit) return hit;
  const claims = await decode(token);
  if (claims && typeof claims.exp === "number") decoded.set(token, claims, claims.exp * 1000);
  return claims;
}
