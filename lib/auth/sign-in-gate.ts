import { NextRequest } from "next/server";
import { tallyAnonymousRefusal } from "@/lib/audit/tally-refusal";
import { AppError } from "@/lib/errors/app-error";
import { configuredOrigin } from "@/lib/http/app-origin";
import { authBodyLimitBytes } from "@/lib/http/body-limits";
import { assertStorable, readBodyText } from "@/lib/http/read-input";
import { asAppError, errorResponse, unexpectedErrorResponse } from "@/lib/http/responses";
import { unstorableReason } from "@/lib/http/storable-text";
import { knownDeviceCookie } from "./known-device";
import { signInKeysOf } from "./sign-in-keys";
import { admitSignInAttempt } from "./sign-in-throttle";

// In front of next-auth (app/api/auth/[...nextauth]): only the actions this app uses, bodies
// capped and every field's length checked before next-auth parses anything, and sign-in
// attempts admitted by the throttle before a password is hashed.

type AuthContext = { params: Promise<{ nextauth?: string[] }> };
export type AuthHandler = (request: NextRequest, context: AuthContext) => Promise<Response>;

// "action" or "action/provider": what next-auth serves for credentials sign-in with a custom page.
const allowed: Record<string, ReadonlySet<string>> = {
  GET: new Set(["session", "csrf", "providers", "signin", "signin/credentials", "signout", "error"]),
  POST: new Set(["callback/credentials", "signout", "session", "_log"]),
};

const fieldLimits: Record<string, number> = { email: 254, password: 1024, code: 16, csrfToken: 256, callbackUrl: 2048 };
const otherFieldLimit = 256;
const maxFields = 16;

function checkFormFields(form: URLSearchParams): void {
  if ([...form.keys()].length > maxFields) throw new AppError("VALIDATION", `At most ${maxFields} form fields`);
  for (const [name, value] of form) {
    const limit = fieldLimits[name] ?? otherFieldLimit;
    if (name.length > 64 || value.length > limit)
      throw new AppError("VALIDATION", `${name.slice(0, 64)} must be at most ${limit} characters`);
    const reason = unstorableReason(name) ?? unstorableReason(value);
    if (reason) throw new AppError("VALIDATION", `${name.slice(0, 64)} ${reason}`);
  }
}

/** next-auth's client reads the outcome from `url` (its error parameter): keep it there for refusals. */
async function refusal(error: AppError, request: Request, forSignIn: boolean): Promise<Response> {
  const response = errorResponse(error);
  if (!forSignIn) return response;
  const url = `${new URL(request.url).origin}/api/auth/error?error=${encodeURIComponent(error.message)}`;
  return Response.json({ ...(await response.json()), url }, { status: response.status, headers: response.headers });
}

const signedIn = (response: Response) => response.ok && response.headers.getSetCookie().some((cookie) => /session-token=/.test(cookie));

const isForm = (request: Request) => /^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "");

/** A body next-auth will parse, checked first: forms field by field, JSON whole. */
function checkBody(request: Request, text: string): void {
  if (isForm(request)) return checkFormFields(new URLSearchParams(text));
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return; // next-auth reads no other body
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "Request body is not valid JSON");
  }
  assertStorable(parsed);
}

async function signIn(request: NextRequest, context: AuthContext, handle: AuthHandler): Promise<Response> {
  if (!isForm(request)) throw new AppError("VALIDATION", "Content-Type must be application/x-www-form-urlencoded");
  const text = await readBodyText(request, authBodyLimitBytes);
  const form = new URLSearchParams(text);
  checkFormFields(form);
  const keys = signInKeysOf({ headers: request.headers, email: form.get("email") });
  await admitSignInAttempt(keys);
  const response = await handle(new NextRequest(request.url, { method: "POST", headers: request.headers, body: text }), context);
  if (signedIn(response)) {
    const secure = (configuredOrigin() ?? request.url).startsWith("https:");
    response.headers.append("Set-Cookie", knownDeviceCookie(keys.accountHash, { secure }));
  }
  return response;
}

export async function gateAuthRequest(request: NextRequest, context: AuthContext, handle: AuthHandler): Promise<Response> {
  const path = ((await context.params).nextauth ?? []).join("/");
  const isSignIn = request.method === "POST" && path === "callback/credentials";
  try {
    if (!allowed[request.method]?.has(path)) {
      const known = Object.values(allowed).some((paths) => paths.has(path)) || path === "callback/credentials";
      throw known
        ? new AppError("METHOD_NOT_ALLOWED", `${request.method} is not supported here`)
        : new AppError("NOT_FOUND", "No such API route");
    }
    if (isSignIn) return await signIn(request, context, handle);
    if (request.method !== "POST") return await handle(request, context);
    const text = await readBodyText(request, authBodyLimitBytes);
    checkBody(request, text);
    return await handle(new NextRequest(request.url, { method: "POST", headers: request.headers, body: text }), context);
  } catch (caught) {
    const error = asAppError(caught);
    if (!error) return unexpectedErrorResponse(caught, request);
    if (error.code !== "UNAVAILABLE")
      await tallyAnonymousRefusal({ action: isSignIn ? "auth.sign-in" : "auth", reason: error.code }).catch(() => undefined);
    return refusal(error, request, isSignIn);
  }
}
