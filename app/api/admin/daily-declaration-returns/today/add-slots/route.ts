import { addSlots } from "@/lib/distribution/add-slots";
import { addSlotsBody } from "@/lib/distribution/schemas";
import { precheckSlots } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/today/add-slots – add new slots to today's day
export const POST = route(
  { access: "admin", action: "distribution.add-slots", body: addSlotsBody, precheck: ({ body }) => precheckSlots(body.additionalSlots) },
  ({ session, body }) => addSlots({ actor: actorOf(session), request: body }),
);
