/** A refused API call, with the server's error code and message (SPEC §5's error body). */
export class ApiReadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiReadError";
  }
}

/** GET a JSON read route; a 4xx/5xx becomes an ApiReadError carrying the server's message. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!response.ok) throw new ApiReadError(response.status, body?.code ?? "HTTP", body?.message ?? `Request failed (${response.status})`);
  return body as T;
}
