import { subscribeToSlotChanges } from "../../lib/scheduler/slot-change-subscribers";

// What instrumentation.ts does in the server: the drivers subscribe to the domain's "slots
// changed", so a test calling the domain directly sees the cache dropped, the scheduler woken
// and the Inngest events sent as a request would.
subscribeToSlotChanges();
