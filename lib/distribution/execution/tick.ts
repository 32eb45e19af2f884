import { db } from "@/lib/db/client";
import { ensureLedgerPartitions } from "@/lib/ledger/ensure-ledger-partitions";
import { logEvent } from "@/lib/observability/log";
import { loadSettings } from "../settings-store";
import { claimDueSlot } from "./claim-due-slot";
import { executeClaimedSlot, type SlotOutcome } from "./execute-claimed-slot";
import { failMissedSlots } from "./fail-missed-slots";
import { newLeaseOwner } from "./lease";
import { reapExpiredLeases } from "./reap-expired-leases";

export type TickResult = {
  now: string;
  reaped: Awaited<ReturnType<typeof reapExpiredLeases>>;
  missed: Awaited<ReturnType<typeof failMissedSlots>>;
  executed: SlotOutcome[];
};

/**
 * The one scheduler step every driver calls (embedded loop, Inngest cron, test endpoint):
 * reap expired leases, fail slots missed beyond maxLateness, then claim and run due slots
 * until none is left, with the settings read once at its start. Safe to run any number of times
 * at once: claims are compare-and-set.
 */
export async function tick(options: { now?: Date; maxSlots?: number } = {}): Promise<TickResult> {
  const now = options.now ?? new Date();
  const settings = await loadSettings(db());
  const reaped = await reapExpiredLeases({ now, maxAttempts: settings.maxAttempts });
  const missed = await failMissedSlots({ now, maxLatenessSeconds: settings.maxLatenessSeconds });
  // Months ahead are made ready here too; when that has to wait (a payout holds the ledger), the next tick does it.
  await ensureLedgerPartitions({ now }).catch((error: unknown) =>
    logEvent("ledger.partitions_not_ready", { error: String(error) }, "warn"),
  );
  const executed: SlotOutcome[] = [];
  const leaseOwner = newLeaseOwner();
  while (executed.length < (options.maxSlots ?? 1000)) {
    // On the real clock, a slot that fell due while the last one ran is taken at once.
    const claim = await claimDueSlot({ now: options.now ?? new Date(), leaseOwner });
    if (!claim) break;
    executed.push(await executeClaimedSlot(claim, { settings }));
  }
  return { now: now.toISOString(), reaped, missed, executed };
}
