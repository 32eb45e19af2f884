// How large a request body may be, by path; proxy.ts refuses a larger Content-Length before any
// work, and the body readers stop reading at the same size when the length was not declared.

const kb = 1024;

/** JSON bodies of the admin API (the largest, a full day of 200 slots, is under 30 KB). */
export const apiBodyLimitBytes = 64 * kb;
/** The bulk upserts (PUT /api/admin/members, /stakes): 50,000 rows of a few hundred bytes each. */
export const bulkBodyLimitBytes = 32 * 1024 * kb;
const bulkPaths = new Set(["/api/admin/members", "/api/admin/stakes", "/api/v1/admin/members", "/api/v1/admin/stakes"]);
/** next-auth's form posts: an email, a password, a code, a CSRF token and a callback URL. */
export const authBodyLimitBytes = 8 * kb;
/** Inngest's calls carry an event and the function's step state (small for these functions). */
export const inngestBodyLimitBytes = 4 * 1024 * kb;

export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith("/api/auth/")) return authBodyLimitBytes;
  if (bulkPaths.has(pathname)) return bulkBodyLimitBytes;
  if (pathname === "/api/inngest" || pathname.startsWith("/api/inngest/")) return inngestBodyLimitBytes;
  return apiBodyLimitBytes;
}

/** Next buffers request bodies for proxy.ts up to this size (experimental.proxyClientMaxBodySize). */
export const largestBodyLimitBytes = Math.max(apiBodyLimitBytes, authBodyLimitBytes, inngestBodyLimitBytes, bulkBodyLimitBytes);
