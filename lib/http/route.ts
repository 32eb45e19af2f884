import type { z } from "zod";
import { authenticateApiKey, bearerToken } from "@/lib/api-keys/authenticate-api-key";
import { apiKeyActor, type ApiKeyPrincipal, type ApiKeyScope } from "@/lib/api-keys/scopes";
import { recordAudit } from "@/lib/audit/record-audit";
import { tallyAnonymousRefusal } from "@/lib/audit/tally-refusal";
import { sessionFromCookies } from "@/lib/auth/session-cookie";
import type { AuthSession } from "@/lib/auth/sessions";
import { requireStepUp } from "@/lib/auth/step-up";
import { AppError } from "@/lib/errors/app-error";
import type { RouteContract } from "@/lib/openapi/route-contract";
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
  /** Instead of `body`: reads and parses the body itself (the bulk routes' arrays and NDJSON)… */
  readBody?: (request: Request) => Promise<TBody>;
  /** …with this schema, which the OpenAPI document shows. */
  readBodySchema?: z.ZodType;
  /** An API key holding this scope may call the route in place of a signed-in session (decision 021). */
  apiKeyScope?: ApiKeyScope;
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
  /** The API key the request authenticated with, if it sent one instead of a session. */
  apiKey: ApiKeyPrincipal | null;
  body: TBody;
  query: TQuery;
  params: TParams;
  /** With the expectedVersion option: the version the client expects, from If-Match or the body. */
  expectedVersion?: number | null;
  /** What the precheck returned, so the handler need not read it again. */
  prechecked: TPrecheck;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

type Caller = { session: AuthSession | null; apiKey: ApiKeyPrincipal | null };

async function authenticateKey(token: string, scope: ApiKeyScope | undefined, caller: Caller): Promise<void> {
  caller.apiKey = await authenticateApiKey({ token });
  if (!scope) throw new AppError("FORBIDDEN", "API keys cannot call this route; it needs a signed-in administrator");
  if (!caller.apiKey.scopes.includes(scope)) throw new AppError("FORBIDDEN", `This API key lacks the scope ${scope}`);
}

/** Fills `caller` as it learns who is calling, so a refusal after that is audited with the caller. */
async function authenticate(request: Request, options: { access: Access; apiKeyScope?: ApiKeyScope; forReading: boolean }, caller: Caller) {
  if (options.access === "public") return;
  const token = bearerToken(request);
  if (token !== null) return authenticateKey(token, options.apiKeyScope, caller);
  caller.session = await sessionFromCookies(request.headers.get("cookie"), { forReading: options.forReading });
  if (!caller.session) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (options.access === "admin" && caller.session.user.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", "This action needs an administrator");
  }
}

const stepUpCodeHeader = "x-two-factor-code";

/**
 * The one wrapper of every route handler. Checks in SPEC §5's order — session or API key (401),
 * role or scope (403), body (400), 2FA step-up of a session (403/429) — then runs the handler; AppErrors become JSON
 * errors, refused mutations are audited, and anything unexpected is a bare 500.
 */
export function route<TBody = undefined, TQuery = undefined, TParams = Record<string, string>, TPrecheck = undefined>(
  options: RouteOptions<TBody, TQuery, TParams, TPrecheck>,
  handler: (context: RouteContext<TBody, TQuery, TParams, TPrecheck>) => Promise<unknown>,
) {
  const contract: RouteContract = {
    access: options.access,
    apiKeyScope: options.apiKeyScope,
    stepUp: Boolean(options.action) && options.stepUp !== false,
    body: options.body ?? options.readBodySchema,
    query: options.query,
    params: options.params,
  };
  const handle = async (request: Request, nextContext?: NextContext): Promise<Response> => {
    const caller: Caller = { session: null, apiKey: null };
    try {
      await authenticate(request, { access: options.access, apiKeyScope: options.apiKeyScope, forReading: !options.action }, caller);
      if (options.action) assertSameOrigin(request);
      let body = undefined as TBody;
      // Bodies that are not one JSON object (the bulk routes) carry the code in a header.
      let twoFactorCode = request.headers.get(stepUpCodeHeader)?.trim().slice(0, 16) || undefined;
      if (options.body) {
        const { code, rest } = takeTwoFactorCode(await readJsonObject(request));
        body = parseWith(options.body, rest);
        twoFactorCode = code ?? twoFactorCode;
      } else if (options.readBody) {
        body = await options.readBody(request);
      }
      const query = options.query ? parseWith(options.query, queryObject(request)) : (undefined as TQuery);
      const rawParams = (await nextContext?.params) ?? {};
      assertStorable(rawParams);
      const params = options.params ? parseWith(options.params, rawParams) : (rawParams as TParams);
      const expectedVersion = options.expectedVersion ? expectedVersionOf(request, options.expectedVersion(body)) : undefined;
      const prechecked = options.precheck ? await options.precheck({ body, params }) : (undefined as TPrecheck);
      // A key is its own credential: it never opens or needs a session's step-up window.
      const { session, apiKey } = caller;
      if (options.action && session && options.stepUp !== false) await requireStepUp({ session, code: twoFactorCode });
      const result = await handler({ request, session, apiKey, body, query, params, expectedVersion, prechecked });
      return result instanceof Response ? result : json(result);
    } catch (caught) {
      const error = asAppError(caught);
      if (!error) return unexpectedErrorResponse(caught, request);
      // A busy database would make the audit write wait for a connection too.
      const action = options.action ?? (caller.apiKey ? `${request.method} ${new URL(request.url).pathname}` : undefined);
      if (action && error.code !== "UNAVAILABLE") await auditRefusal(action, caller, error).catch(() => undefined);
      return errorResponse(error);
    }
  };
  return Object.assign(handle, { contract });
}

/** A refusal of a signed-in session or a live API key is an audit row; an anonymous one only counts in a tally. */
function auditRefusal(action: string, { session, apiKey }: Caller, error: AppError) {
  if (!session && !apiKey) return tallyAnonymousRefusal({ action, reason: error.code });
  return recordAudit({
    actor: apiKey ? apiKeyActor(apiKey) : { id: session?.user.id, email: session?.user.email },
    action,
    outcome: "REFUSED",
    reason: `${error.code}: ${error.message}`,
  });
}
