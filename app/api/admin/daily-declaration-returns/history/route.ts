import { getHistory } from "@/lib/distribution/get-history";
import { historyQuery } from "@/lib/distribution/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/history?from=&to= – past days with slots and totals
export const GET = route({ access: "signed-in", query: historyQuery }, ({ query }) => getHistory(query));
