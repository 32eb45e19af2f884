import { expect } from "vitest";
import type { DistributionStatus } from "@/lib/distribution/status-view";

// Requests for the route handlers, built as Next.js would hand them over.

export const appOrigin = "http://localhost:3000";
export const apiBase = "/api/admin/daily-declaration-returns";

export type RouteHandler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type MutationSuccess = { success: true; message: string; distribution: DistributionStatus };
export type ErrorBody = { success: false; code: string; message: string; details?: { path: string; message: string; code: string }[] };

type RequestOptions = {
  method?: "GET" | "POST" | "PUT";
  cookie?: string;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  /** Sent on every request with a body, as a browser on the app's page does: the app's origin unless given (null: none). */
  origin?: string | null;
  headers?: Record<string, string>;
};

export function apiRequest(path: string, options: RequestOptions = {}): Request {
  const hasBody = options.raw !== undefined || options.body !== undefined;
  const method = options.method ?? (hasBody ? "POST" : "GET");
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  const origin = options.origin === undefined ? (hasBody ? appOrigin : null) : options.origin;
  if (origin) headers.origin = origin;
  if (hasBody) headers["content-type"] = options.contentType ?? "application/json";
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`${appOrigin}${path}`, { method, headers, body });
}

export function callRoute(handler: RouteHandler, request: Request, params?: Record<string, string>): Promise<Response> {
  return handler(request, params ? { params: Promise.resolve(params) } : undefined);
}

export async function readJson<T>(response: Response): Promise<T> {
  expect(response.headers.get("content-type")).toContain("application/json");
  return (await response.json()) as T;
}

/** Asserts a JSON error of SPEC §5's shape and returns its body. */
export async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  const body = await readJson<ErrorBody>(response);
  expect({ status: response.status, body }).toMatchObject({ status, body: { success: false, code } });
  expect(typeof body.message).toBe("string");
  return body;
}

export async function expectSuccess(response: Response): Promise<MutationSuccess> {
  const body = await readJson<MutationSuccess | ErrorBody>(response);
  expect({ status: response.status, body }).toMatchObject({ status: 200, body: { success: true } });
  return body as MutationSuccess;
}
