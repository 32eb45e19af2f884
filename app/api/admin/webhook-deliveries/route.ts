import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { deliveriesQuery, listDeliveries } from "@/lib/webhooks/list-deliveries";

export const dynamic = "force-dynamic";

// GET /api/admin/webhook-deliveries?state=&limit= – slot messages and their delivery (ADMIN, VIEWER)
export const GET = route({ access: "signed-in", query: deliveriesQuery }, ({ query }) => listDeliveries({ db: db(), ...query }));
