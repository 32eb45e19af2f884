import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/http/forwarded";
import { knownDeviceOf } from "./known-device";

/** Emails are compared trimmed and lower-cased, as accounts are stored. */
export const normalizeEmail = (email: unknown) => (typeof email === "string" ? email.trim().toLowerCase() : "");

/** The account's throttle identity: a hash of its email, the same whether the account exists or not. */
export const accountHashOf = (email: unknown) => createHash("sha256").update(normalizeEmail(email)).digest("hex");

/** The throttle row of an account. */
export const accountThrottleKey = (email: unknown) => `account:${accountHashOf(email)}`;

export type SignInKeys = {
  /** The client address's throttle row. */
  client: string;
  /** The row the attempt counts against: the account's, or the known device's when this browser signed in to it before. */
  account: string;
  /** The account's own row, cleared by a successful sign-in from anywhere. */
  accountRow: string;
  accountHash: string;
};

/** The throttle rows a sign-in attempt counts against, from the request's headers and the email typed. */
export function signInKeysOf(options: { headers: Headers; email: unknown }): SignInKeys {
  const accountHash = accountHashOf(options.email);
  const device = knownDeviceOf(options.headers.get("cookie"), accountHash);
  return {
    client: `client:${clientAddress(options.headers)}`,
    account: device ? `device:${device}` : `account:${accountHash}`,
    accountRow: `account:${accountHash}`,
    accountHash,
  };
}
