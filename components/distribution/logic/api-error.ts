// A refused API call as the console sees it: SPEC §5's error body plus the HTTP status and Retry-After.

export type ErrorDetail = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Zod issues of a 400, as the server lists them in details. */
  get issues(): ErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((item: unknown) =>
      typeof item === "object" && item !== null && "path" in item && "message" in item && typeof item.message === "string"
        ? [{ path: String(item.path), message: item.message }]
        : [],
    );
  }
}

/** Retry-After in seconds (an HTTP date is accepted too); null when absent or unreadable. */
export function retryAfterSecondsOf(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : null;
}

/** The ApiError of a non-2xx response; a body that is not the error shape still gives a readable message. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the status line
  }
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  return new ApiError(
    response.status,
    typeof record.code === "string" ? record.code : `HTTP_${response.status}`,
    typeof record.message === "string" ? record.message : `Request failed (${response.status} ${response.statusText})`,
    record.details,
    retryAfterSecondsOf(response.headers.get("Retry-After")),
  );
}
