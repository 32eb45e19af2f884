import { isPoolAcquireTimeout } from "@/lib/db/pool-timeout";
import { AppError } from "@/lib/errors/app-error";
import { httpStatusOf } from "./error-status";

export const json = (body: unknown, status = 200, headers: HeadersInit = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export function errorResponse(error: AppError): Response {
  const { details, retryAfterSeconds, headers } = error.options;
  return json(
    { success: false, code: error.code, message: error.message, ...(details === undefined ? {} : { details }) },
    httpStatusOf(error),
    {
      ...headers,
      ...(retryAfterSeconds ? { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) } : {}),
    },
  );
}

/** Anything that is not an AppError: logged in full, answered with nothing that leaks. */
export function unexpectedErrorResponse(error: unknown, request: Request): Response {
  console.error(
    JSON.stringify({
      level: "error",
      msg: "unhandled route error",
      method: request.method,
      url: request.url,
      error: error instanceof Error ? error.stack : String(error),
    }),
  );
  return json({ success: false, code: "INTERNAL", message: "Internal server error" }, 500);
}

/** The AppError to answer `caught` with — a busy pool becomes 503 with Retry-After — or null for a bare 500. */
export function asAppError(caught: unknown): AppError | null {
  if (caught instanceof AppError) return caught;
  if (isPoolAcquireTimeout(caught))
    return new AppError("UNAVAILABLE", "The database is busy; try again in a moment", { retryAfterSeconds: 1 });
  return null;
}
