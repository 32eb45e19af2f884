import { db } from "@/lib/db/client";
import { logEvent } from "@/lib/observability/log";
import { claimDueMessages } from "./claim-due-messages";
import { outboxTargets } from "./outbox-targets";
import { pruneEndedMessages } from "./prune-ended-messages";
import { recordAttempt } from "./record-attempt";
import { deliveryTimeoutMs } from "./retry-schedule";
import { sendMessage } from "./send-message";

export type DeliveryPass = { delivered: number; retried: number; givenUp: number };

const pruneEveryMs = 60 * 60 * 1000;
const holder = globalThis as typeof globalThis & { __slotpayOutboxPrunedAt?: number };

/**
 * Delivers every message of this process's targets that is due now, a batch of claims at a
 * time, until none is due: what the deliverer woken after commit, the scheduler's sweep and the
 * Inngest cron all run. Safe on any number of instances at once.
 */
export async function deliverDueMessages(options: { maxBatches?: number } = {}): Promise<DeliveryPass> {
  const pass: DeliveryPass = { delivered: 0, retried: 0, givenUp: 0 };
  const targets = outboxTargets();
  // The claim outlives the attempt's timeout, so no other instance starts the same attempt.
  const leaseMs = deliveryTimeoutMs() + 1_000;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const claimed = await claimDueMessages(db(), { targets, leaseMs });
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (message) => {
        const result = await sendMessage(message);
        const outcome = await recordAttempt(db(), message, result);
        if (outcome === "DELIVERED") pass.delivered++;
        else if (outcome === "RETRY") pass.retried++;
        else pass.givenUp++;
        const fields = { id: message.id, target: message.target, type: message.eventType, attempt: message.attempt, status: result.status };
        if (result.ok) logEvent("outbox.delivered", fields);
        else logEvent(outcome === "GIVEN_UP" ? "outbox.given-up" : "outbox.attempt-failed", { ...fields, error: result.error }, "warn");
      }),
    );
  }
  // Old ended messages go at most once an hour per process: every pass path (deliverer, sweep, cron) gets it.
  const now = Date.now();
  if (now - (holder.__slotpayOutboxPrunedAt ?? 0) >= pruneEveryMs) {
    holder.__slotpayOutboxPrunedAt = now;
    await pruneEndedMessages({ db: db(), now: new Date(now) });
  }
  return pass;
}
