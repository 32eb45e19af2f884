import { getDayStatus } from "@/lib/distribution/get-day-status";
import { dateParam } from "@/lib/distribution/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/days/{date} – one day by its date, as /today/status shows today
export const GET = route({ access: "signed-in", params: dateParam }, ({ params }) => getDayStatus({ date: params.date }));
