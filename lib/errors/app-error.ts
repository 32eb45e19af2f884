// The one error type of the app's domain: a code and a message for the admin, no transport.
// lib/http/error-status.ts maps each code to its HTTP status.

export const errorCodes = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "TWO_FACTOR_INVALID",
  "TWO_FACTOR_LOCKED",
  "RATE_LIMITED",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "SLOTS_EXECUTING",
  "POOL_ALREADY_PAID",
  "CONFLICT",
  "INTERNAL",
  "UNAVAILABLE",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { details?: unknown; retryAfterSeconds?: number; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}
