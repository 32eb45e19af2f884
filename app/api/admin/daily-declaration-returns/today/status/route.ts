import { cachedTodayStatusTagged } from "@/lib/distribution/status-cache";
import { ifNoneMatchHits } from "@/lib/http/if-none-match";
import { apiAnswerSecurityHeaders } from "@/lib/http/security-headers";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/today/status – today's day and its slots. A poll
// that names the current ETag gets 304 and no body: the tag comes with the cached read. Most
// polls skip proxy.ts (see its matcher), so the answer carries the API's security headers itself.
export const GET = route({ access: "signed-in" }, async ({ request }) => {
  const { body, etag } = await cachedTodayStatusTagged();
  const headers = { ...apiAnswerSecurityHeaders(request), ETag: etag, "Cache-Control": "no-store" };
  if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
});
