import type { AppError, ErrorCode } from "@/lib/errors/app-error";

/** The one code → HTTP status table of the route wrapper (SPEC §5). */
export const errorStatus = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_INVALID: 403,
  TWO_FACTOR_LOCKED: 429,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  SLOTS_EXECUTING: 409,
  POOL_ALREADY_PAID: 409,
  CONFLICT: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

export const httpStatusOf = (error: AppError): number => errorStatus[error.code];
