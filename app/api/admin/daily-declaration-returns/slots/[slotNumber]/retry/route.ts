import { retrySlot } from "@/lib/distribution/retry-slot";
import { retryBody, slotNumberParam } from "@/lib/distribution/schemas";
import { precheckScheduledFor } from "@/lib/distribution/precheck-slots";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

// POST /api/admin/daily-declaration-returns/slots/{slotNumber}/retry – a FAILED slot of today (or of `date`) back to PENDING
export const POST = route(
  {
    access: "admin",
    action: "distribution.retry",
    body: retryBody,
    params: slotNumberParam,
    expectedVersion: (body) => body.expectedVersion,
    precheck: ({ body, params }) =>
      precheckScheduledFor({ slotNumber: params.slotNumber, scheduledFor: body.scheduledFor, date: body.date }),
  },
  ({ session, body, params, expectedVersion, prechecked }) =>
    retrySlot({
      actor: actorOf(session),
      slotNumber: params.slotNumber,
      scheduledFor: body.scheduledFor,
      date: body.date,
      expectedVersion,
      settings: prechecked,
    }),
);
