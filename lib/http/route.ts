import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { tallyAnonymousRefusal } from "@/lib/audit/tally-refusal";
import { sessionFromCookies } from "@/lib/auth/session-cookie";
import type { AuthSession } from "@/lib/auth/sessions";
import { requireStepUp } from "@/lib/auth/step-up";
import { AppError } from "@/lib/errors/app-error";
import { expectedVersionOf } from "./expected-version";
import { assertSameOrigin } from "./origin";
import { assertStorable, parseWith, queryObject, readJsonObject, takeTwoFactorCode } from "./read-input";
import { asAppError, errorResponse, json, unexpectedErrorResponse } from "./responses";

type Access = "public" | "signed-in" | "admin";

type RouteOptions<TBody, TQuery, TParams, TPrecheck> = {
  access: Access;
  /** Names the mutation in the audit log; set on every route that changes something. */
  action?: string;
  /** Mutations need the 2FA step-up unless this is false (only for enrolling 2FA itself). */
  stepUp?: boolean;
  body?: z.ZodType<TBody>;
  query?: z.ZodType<TQuery>;
  /** Path parameters, checked with the body (400) before the 2FA step-up. */
  params?: z.ZodType<TParams>;
  /**
   * Checks of the body that need the database (e.g. against the settings); 400s before the 2FA
   * step-up. What it returns (the settings it read) is handed to the handler as `prechecked`.
   */
  precheck?: (input: { body: TBody; params: TParams }) => Promise<TPrecheck>;
  /** Day mutations: the body's expectedVersion, merged with If-Match and checked before the 2FA step-up. */
  expectedVersion?: (body: TBody) => number | null | undefined;
};

export type RouteContext<TBody, TQuery, TParams, TPrecheck = undefined> = {
  request: Request;
  session: AuthSession | null;
  body: TBody;
  query: TQuery;
  params: TParams;
  /** With the expectedVersion option: the version the client expects, from If-Match or the body. */
  expectedVersion?: number | null;
  /** What the precheck returned, so the handler need not read it again. */
  prechecked: TPrecheck;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

async function authenticate(request: Request, access: Access, forReading: boolean): Promise<AuthSession | null> {
  if (access === "public") return null;
  const session = await sessionFromCookies(request.headers.get("cookie"), { forReading });
  if (!session) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return session;
}

function authorise(session: AuthSession | null, access: Access): void {
  if (access === "admin" && session?.user.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "This action needs an administrator");
  }
}

/**
 * The one wrapper of every route handler. Checks in SPEC §5's order — session (401), role
 * (403), body (400), 2FA step-up (403/429) — then runs the handler; AppErrors become JSON
 * errors, refused mutations are audited, and anything unexpected is a bare 500.
 */
export function route<TBody = undefined, TQuery = undefined, TParams = Record<string, string>, TPrecheck = undefined>(
  options: RouteOptions<TBody, TQuery, TParams, TPrecheck>,
  handler: (context: RouteContext<TBody, TQuery, TParams, TPrecheck>) => Promise<unknown>,
) {
  return async (request: Request, nextContext?: NextContext): Promise<Response> => {
    let session: AuthSession | null = null;
    try {
      session = await authenticate(request, options.access, !options.action);
      authorise(session, options.access);
      if (options.action) assertSameOrigin(request);
      let body = undefined as TBody;
      let twoFactorCode: string | undefined;
      if (options.body) {
        const { code, rest } = takeTwoFactorCode(await readJsonObject(request));
        body = parseWith(options.body, rest);
        twoFactorCode = code;
      }
      const query = options.query ? parseWith(options.query, queryObject(request)) : (undefined as TQuery);
      const rawParams = (await nextContext?.params) ?? {};
      assertStorable(rawParams);
      const params = options.params ? parseWith(options.params, rawParams) : (rawParams as TParams);
      const expectedVersion = options.expectedVersion ? expectedVersionOf(request, options.expectedVersion(body)) : undefined;
      const prechecked = options.precheck ? await options.precheck({ body, params }) : (undefined as TPrecheck);
      if (options.action && session && options.stepUp !== false) await requireStepUp({ session, code: twoFactorCode });
      const result = await handler({ request, session, body, query, params, expectedVersion, prechecked });
      return result instanceof Response ? result : json(result);
    } catch (caught) {
      const error = asAppError(caught);
      if (!error) return unexpectedErrorResponse(caught, request);
      // A busy database would make the audit write wait for a connection too.
      if (options.action && error.code !== "UNAVAILABLE") await auditRefusal(options.action, session, error).catch(() => undefined);
      return errorResponse(error);
    }
  };
}

/** A refusal of a signed-in session is an audit row; an anonymous one only counts in a tally. */
function auditRefusal(action: string, session: AuthSession | null, error: AppError) {
  if (!session) return tallyAnonymousRefusal({ action, reason: error.code });
  return recordAudit({
    actor: { id: session.user.id, email: session.user.email },
    action,
    outcome: "REFUSED",
    reason: `${error.code}: ${error.message}`,
  });
}
