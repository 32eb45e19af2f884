import { addSlots } from "@/lib/distribution/add-slots";
import { planAddSlots } from "@/lib/distribution/plan-add-slots";
import { addSlotsBody } from "@/lib/distribution/schemas";
import { precheckSlots } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/today/add-slots – add new slots to today's day (or to `date`'s)
export const POST = route(
  {
    access: "admin",
    action: "distribution.add-slots",
    body: addSlotsBody,
    expectedVersion: (body) => body.expectedVersion,
    precheck: ({ body }) => precheckSlots({ request: body, slots: body.additionalSlots, plan: planAddSlots }),
  },
  ({ session, body, expectedVersion, prechecked }) =>
    addSlots({ actor: actorOf(session), request: body, expectedVersion, settings: prechecked }),
);
