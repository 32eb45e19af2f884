import { decode, encode } from "next-auth/jwt";
import { authSecret } from "@/lib/config/secrets";
import { findAuthSession, sessionMaxAgeSeconds, type AuthSession } from "./sessions";
import { recentSession } from "./recent-sessions";
import { decodeOnce } from "./session-token-cache";

// next-auth's own names: the __Secure- prefix is used when NEXTAUTH_URL is https.
const cookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The signed-in session behind a Cookie header (from a request or next/headers), or null. */
export async function sessionFromCookies(cookieHeader: string | null, options: { forReading?: boolean } = {}): Promise<AuthSession | null> {
  for (const name of cookieNames) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    const payload = await decodeOnce(token, (t) => decode({ token: t, secret: authSecret() }).catch(() => null));
    if (typeof payload?.sid !== "string") continue;
    return options.forReading ? recentSession(payload.sid, (id) => findAuthSession(id)) : findAuthSession(payload.sid);
  }
  return null;
}

/** A session cookie as next-auth issues it; for scripts and tests that call the API directly. */
export async function sessionCookieFor(claims: { sid: string; sub: string; email: string }): Promise<string> {
  const token = await encode({ token: claims, secret: authSecret(), maxAge: sessionMaxAgeSeconds });
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token=${token}`;
}
