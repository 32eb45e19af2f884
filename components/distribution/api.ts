import { apiErrorOf } from "./logic/api-error";

// The console's calls to its own API: same origin, the session cookie, JSON both ways.
// A refusal becomes an ApiError (status, code, message, details, Retry-After).

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
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
