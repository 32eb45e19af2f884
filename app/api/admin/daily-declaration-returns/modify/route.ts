import { modifyDistribution } from "@/lib/distribution/modify-distribution";
import { modifyBody } from "@/lib/distribution/schemas";
import { precheckSlots } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/modify – replace the PENDING part of today's day
export const POST = route(
  { access: "admin", action: "distribution.modify", body: modifyBody, precheck: ({ body }) => precheckSlots(body.distributionSlots) },
  ({ session, body }) => modifyDistribution({ actor: actorOf(session), request: body }),
);
