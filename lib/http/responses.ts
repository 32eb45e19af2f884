import { AppError } from "./app-error";

export const json = (body: unknown, status = 200, headers: HeadersInit = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export function errorResponse(error: AppError): Response {
  const { details, retryAfterSeconds } = error.options;
  return json(
    { success: false, code: error.code, message: error.message, ...(details === undefined ? {} : { details }) },
    error.status,
    retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {},
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
