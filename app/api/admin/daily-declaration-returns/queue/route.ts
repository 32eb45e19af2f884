import { planQueue } from "@/lib/distribution/plan-queue";
import { queueDistribution } from "@/lib/distribution/queue-distribution";
import { queueBody } from "@/lib/distribution/schemas";
import { precheckSlots } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/queue – queue today's day, or merge into it
export const POST = route(
  {
    access: "admin",
    action: "distribution.queue",
    body: queueBody,
    expectedVersion: (body) => body.expectedVersion,
    precheck: ({ body }) => precheckSlots({ request: body, slots: body.slots, pools: body, plan: planQueue }),
  },
  ({ session, body, expectedVersion, prechecked }) =>
    queueDistribution({ actor: actorOf(session), request: body, expectedVersion, settings: prechecked }),
);
