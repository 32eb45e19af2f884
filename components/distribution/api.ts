import { apiErrorOf } from "./logic/api-error";

// The console's calls to its own API: same origin, the session cookie, JSON both ways.
// A refusal becomes an ApiError (status, code, message, details, Retry-After).

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

// The ETag of each revalidated URL's last answer, with the very value that answer carried.
const validators = new Map<string, { etag: string; data: unknown }>();

/**
 * GET that revalidates: when `current` is the value the last answer carried, the request names
 * its ETag (If-None-Match) and a 304 keeps `current` as it is; anything else is read in full.
 */
export async function getJsonRevalidated<T>(url: string, current: T | undefined): Promise<T> {
  const known = validators.get(url);
  const etag = known && current !== undefined && known.data === current ? known.etag : undefined;
  const headers: Record<string, string> = { Accept: "application/json", ...(etag ? { "If-None-Match": etag } : {}) };
  const response = await fetch(url, { cache: "no-store", headers });
  if (response.status === 304 && etag) return current as T;
  if (!response.ok) throw await apiErrorOf(response);
  const data = (await response.json()) as T;
  const tag = response.headers.get("ETag");
  if (tag) validators.set(url, { etag: tag, data });
  else validators.delete(url);
  return data;
}

async function sendJson<T>(method: "POST" | "PUT", url: string, body: object): Promise<T> {
  const response = await fetch(url, {
    method,
    cache: "no-store",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

export const postJson = <T>(url: string, body: object) => sendJson<T>("POST", url, body);
export const putJson = <T>(url: string, body: object) => sendJson<T>("PUT", url, body);

export const distributionApi = "/api/admin/daily-declaration-returns";
