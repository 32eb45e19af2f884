import { AppError } from "./app-error";

/**
 * Cross-site request check for mutations. Browsers always send Origin on a POST/PUT; it must be
 * this app's. Clients that send none (curl, the API's server-side callers) carry no ambient
 * cookies from another site, and SameSite=Lax cookies already keep cross-site forms out.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const allowed = new Set([new URL(request.url).origin]);
  if (process.env.NEXTAUTH_URL) allowed.add(new URL(process.env.NEXTAUTH_URL).origin);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) allowed.add(`${request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")}://${host}`);
  if (!allowed.has(origin)) throw new AppError("FORBIDDEN", "Cross-origin request refused");
}
