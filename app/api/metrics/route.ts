import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { assertMetricsAccess } from "@/lib/observability/metrics-access";
import { renderMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text: slot executions by status, durations, stakes paid
// (Authorization: Bearer $METRICS_TOKEN; see lib/observability/metrics-access.ts)
export const GET = route({ access: "public" }, async ({ request }) => {
  assertMetricsAccess(request);
  const rows = await db().slot.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus = Object.fromEntries(["PENDING", "EXECUTING", "COMPLETED", "FAILED"].map((s) => [s, 0]));
  for (const row of rows) byStatus[row.status] = row._count._all;
  return new Response(renderMetrics(byStatus), { headers: { "Content-Type": "text/plain; version=0.0.4", "Cache-Control": "no-store" } });
});
