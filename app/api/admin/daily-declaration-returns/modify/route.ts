import { modifyDistribution } from "@/lib/distribution/modify-distribution";
import { planModify } from "@/lib/distribution/plan-modify";
import { modifyBody } from "@/lib/distribution/schemas";
import { precheckSlots } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/modify – replace the PENDING part of today's day (or of `date`'s)
export const POST = route(
  {
    access: "admin",
    action: "distribution.modify",
    body: modifyBody,
    expectedVersion: (body) => body.expectedVersion,
    precheck: ({ body }) => precheckSlots({ request: body, slots: body.distributionSlots, pools: body, plan: planModify }),
  },
  ({ session, body, expectedVersion, prechecked }) =>
    modifyDistribution({ actor: actorOf(session), request: body, expectedVersion, settings: prechecked }),
);
