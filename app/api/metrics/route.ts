import { db } from "@/lib/db/client";
import { renderMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text: slot executions by status, durations, stakes paid
export async function GET() {
  const rows = await db().slot.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus = Object.fromEntries(["PENDING", "EXECUTING", "COMPLETED", "FAILED"].map((s) => [s, 0]));
  for (const row of rows) byStatus[row.status] = row._count._all;
  return new Response(renderMetrics(byStatus), { headers: { "Content-Type": "text/plain; version=0.0.4", "Cache-Control": "no-store" } });
}
