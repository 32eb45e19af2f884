import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/config/secrets";

// A browser that has signed in to an account before carries a signed token naming the account
// (its email's hash); its sign-ins are throttled by that token's own failures instead of the
// account's, so failures from anywhere else cannot lock the account's owner out of their own
// browser (the "device cookie" scheme).

export const knownDeviceCookieName = "slotpay-known-device";
const maxAgeSeconds = 90 * 24 * 60 * 60;

const macKey = () => Buffer.from(hkdfSync("sha256", authSecret(), "slotpay", "known-device-token", 32));
const macOf = (deviceId: string, accountHash: string) =>
  createHmac("sha256", macKey()).update(`${deviceId}:${accountHash}`).digest("base64url");

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The device id when the Cookie header carries a valid token for this account, else null. */
export function knownDeviceOf(cookieHeader: string | null, accountHash: string): string | null {
  const token = readCookie(cookieHeader, knownDeviceCookieName);
  const match = token && /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, deviceId, mac] = match;
  const expected = Buffer.from(macOf(deviceId, accountHash));
  return timingSafeEqual(Buffer.from(mac), expected) ? deviceId : null;
}

/** A Set-Cookie value marking this browser as known for the account; sent only with sign-in requests. */
export function knownDeviceCookie(accountHash: string, options: { secure: boolean }): string {
  const deviceId = randomBytes(16).toString("base64url");
  const attributes = [
    `Path=/api/auth/callback`,
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ];
  return [`${knownDeviceCookieName}=${deviceId}.${macOf(deviceId, accountHash)}`, ...attributes].join("; ");
}
