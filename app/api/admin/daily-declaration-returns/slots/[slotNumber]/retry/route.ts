import { retrySlot } from "@/lib/distribution/retry-slot";
import { retryBody, slotNumberParam } from "@/lib/distribution/schemas";
import { precheckScheduledFor } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/slots/{slotNumber}/retry – a FAILED slot back to PENDING
export const POST = route(
  {
    access: "admin",
    action: "distribution.retry",
    body: retryBody,
    params: slotNumberParam,
    precheck: ({ body, params }) => precheckScheduledFor(params.slotNumber, body.scheduledFor),
  },
  ({ session, body, params }) => retrySlot({ actor: actorOf(session), slotNumber: params.slotNumber, scheduledFor: body.scheduledFor }),
);
