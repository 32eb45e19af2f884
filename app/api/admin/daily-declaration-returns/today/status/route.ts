import { cachedTodayStatus } from "@/lib/distribution/status-cache";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/today/status – today's day and its slots
export const GET = route({ access: "signed-in" }, () => cachedTodayStatus());
