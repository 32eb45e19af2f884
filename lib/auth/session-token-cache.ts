// Decoding a session JWT derives its key with HKDF and decrypts it (next-auth v4 does both per
// call); the same cookie arrives on every poll, so decoded tokens are kept until they expire.

type Claims = Record<string, unknown>;
const maxEntries = 5_000;
const holder = globalThis as typeof globalThis & { __slotpayTokens?: Map<string, { claims: Claims; until: number }> };

const tokens = () => (holder.__slotpayTokens ??= new Map());

export async function decodeOnce(token: string, decode: (token: string) => Promise<Claims | null>, now = Date.now()) {
  const hit = tokens().get(token);
  if (hit && hit.until > now) return hit.claims;
  const claims = await decode(token);
  if (claims) {
    if (tokens().size >= maxEntries) tokens().clear();
    const exp = typeof claims.exp === "number" ? claims.exp * 1000 : now;
    tokens().set(token, { claims, until: exp });
  }
  return claims;
}
