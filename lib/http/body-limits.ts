// How large a request body may be, by path; proxy.ts refuses a larger Content-Length before any
// work, and the body readers stop reading at the same size when the length was not declared.

const kb = 1024;

/** JSON bodies of the admin API (the largest, a full day of 200 slots, is under 30 KB). */
export const apiBodyLimitBytes = 64 * kb;
/** next-auth's form posts: an email, a password, a code, a CSRF token and a callback URL. */
export const authBodyLimitBytes = 8 * kb;
/** Inngest's calls carry an event and the function's step state (small for these functions). */
export const inngestBodyLimitBytes = 4 * 1024 * kb;

export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith("/api/auth/")) return authBodyLimitBytes;
  if (pathname === "/api/inngest" || pathname.startsWith("/api/inngest/")) return inngestBodyLimitBytes;
  return apiBodyLimitBytes;
}

/** Next buffers request bodies for proxy.ts up to this size (experimental.proxyClientMaxBodySize). */
export const largestBodyLimitBytes = Math.max(apiBodyLimitBytes, authBodyLimitBytes, inngestBodyLimitBytes);
