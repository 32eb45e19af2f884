import { deliverOutbox } from "./functions/deliver-outbox";
import { runSlot } from "./functions/run-slot";
import { safetyNetTick } from "./functions/safety-net-tick";

// Every Inngest function of the app, served by app/api/inngest/route.ts.
export const functions = [runSlot, safetyNetTick, deliverOutbox];
