import { db } from "@/lib/db/client";
import { loadSettings } from "../settings-store";
import { claimDueSlot } from "./claim-due-slot";
import { executeClaimedSlot, type SlotOutcome } from "./execute-claimed-slot";
import { failMissedSlots } from "./fail-missed-slots";
import { newLeaseOwner } from "./lease";
import { reapExpiredLeases } from "./reap-expired-leases";
import { wakeOutboxDeliverer } from "@/lib/webhooks/outbox-deliverer";

export type TickResult = {
  now: string;
  reaped: Awaited<ReturnType<typeof reapExpiredLeases>>;
  missed: Awaited<ReturnType<typeof failMissedSlots>>;
  executed: SlotOutcome[];
};

/**
 * The one scheduler step every driver calls (embedded loop, Inngest cron, test endpoint):
 * reap expired leases, fail slots missed beyond maxLateness, then claim and run due slots
 * until none is left. Safe to run any number of times at once: claims are compare-and-set.
 */
export async function tick(options: { now?: Date; maxSlots?: number } = {}): Promise<TickResult> {
  const now = options.now ?? new Date();
  const settings = await loadSettings(db());
  const reaped = await reapExpiredLeases({ now, maxAttempts: settings.maxAttempts });
  const missed = await failMissedSlots({ now, maxLatenessSeconds: settings.maxLatenessSeconds });
  const executed: SlotOutcome[] = [];
  const leaseOwner = newLeaseOwner();
  while (executed.length < (options.maxSlots ?? 1000)) {
    // On the real clock, a slot that fell due while the last one ran is taken at once.
    const claim = await claimDueSlot({ now: options.now ?? new Date(), leaseOwner });
    if (!claim) break;
    executed.push(await executeClaimedSlot(claim));
  }
  wakeOutboxDeliverer(); // the sweep: messages of reaped and missed slots, and retries that are due
  return { now: now.toISOString(), reaped, missed, executed };
}
