import type { Role } from "@/lib/db/generated/client";
import { codeFor, createConsoleUser, signInAs, type ConsoleUser } from "../factories/users";
import { clientFor, type ApiClient } from "./routes";

export type SignedIn = { user: ConsoleUser; sessionId: string; cookie: string; api: ApiClient };

/** A console user with 2FA, signed in, with a client for every route. */
export async function signedIn(role: Role = "ADMIN"): Promise<SignedIn> {
  const user = await createConsoleUser({ role });
  const { sessionId, cookie } = await signInAs(user);
  return { user, sessionId, cookie, api: clientFor(cookie) };
}

/**
 * The body with the user's current code. The first mutation of a session spends it and opens
 * the step-up window; inside the window a code is not looked at, so sending one stays harmless.
 */
export async function withCode<T extends object>(who: SignedIn, body: T): Promise<T & { twoFactorCode: string }> {
  return { ...body, twoFactorCode: await codeFor(who.user) };
}
