import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { queueBody } from "@/lib/distribution/schemas";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/queue – queue today's day, or merge into it
export const POST = route({ access: "admin", action: "distribution.queue", body: queueBody }, ({ session, body }) =>
  queueDistribution({ actor: actorOf(session), request: body }),
);
