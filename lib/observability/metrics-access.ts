import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { isDemoMode } from "@/lib/seed/demo-mode";

/**
 * Who may read GET /api/metrics: with METRICS_TOKEN set, only `Authorization: Bearer <token>`;
 * without it, everyone in demo mode (nothing to protect, nothing to configure) and nobody with a
 * real database — the route then answers 404, as if it did not exist, until a token is set.
 */
export function assertMetricsAccess(request: Request): void {
  const token = process.env.METRICS_TOKEN;
  if (!token) {
    if (isDemoMode()) return;
    throw new AppError("NOT_FOUND", "Not found");
  }
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const expected = Buffer.from(token);
  const given = Buffer.from(presented);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("UNAUTHENTICATED", "Metrics need Authorization: Bearer <METRICS_TOKEN>", {
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
}
