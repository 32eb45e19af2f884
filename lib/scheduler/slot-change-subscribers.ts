import { onSlotsChanged } from "@/lib/distribution/slots-changed";
import { forgetTodayStatus } from "@/lib/distribution/status-cache";
import { wakeOutboxDeliverer } from "@/lib/webhooks/outbox-deliverer";
import { embeddedScheduler } from "./embedded-scheduler";

const holder = globalThis as typeof globalThis & { __slotpaySlotChangeSubscribers?: true };

/**
 * Subscribes the drivers to the domain's "slots changed" (decision 020): this process's status
 * cache is dropped and the outbox deliverer woken (a slot that ended committed its message) on
 * every change; an admin change also wakes the embedded scheduler and is sent
 * to Inngest when configured. Called once per process — instrumentation.ts in the server, the
 * Vitest setup in tests; later calls do nothing.
 */
export function subscribeToSlotChanges(): void {
  if (holder.__slotpaySlotChangeSubscribers) return;
  holder.__slotpaySlotChangeSubscribers = true;
  onSlotsChanged(() => forgetTodayStatus());
  onSlotsChanged(() => wakeOutboxDeliverer());
  onSlotsChanged((event) => {
    if (event.plan) embeddedScheduler()?.wake();
  });
  onSlotsChanged(async (event) => {
    if (!event.plan) return;
    // Loaded on first use: the Inngest client reads its configuration when it is created.
    const { sendSlotEvents } = await import("@/inngest/slot-events");
    await sendSlotEvents(event);
  });
}
