import { db } from "@/lib/db/client";
import { logEvent } from "@/lib/observability/log";
import { nextDueAt } from "./claim-due-messages";
import { deliverDueMessages } from "./deliver-due-messages";
import { outboxTargets } from "./outbox-targets";

// The process's one deliverer, woken after a slot's transaction commits and by every scheduler
// tick. One pass at a time; a wake during a pass runs another after it. Between passes it
// sleeps until the earliest retry is due (at most a minute), so backoffs are kept without a tick.
// On globalThis: instrumentation.ts and the route handlers are separate bundles of one process.

type Deliverer = { running: Promise<void> | null; again: boolean; timer: NodeJS.Timeout | null };

const holder = globalThis as typeof globalThis & { __slotpayOutbox?: Deliverer };
const maxSleepMs = 60_000;

const state = (): Deliverer => (holder.__slotpayOutbox ??= { running: null, again: false, timer: null });

async function runPasses(deliverer: Deliverer): Promise<void> {
  do {
    deliverer.again = false;
    try {
      await deliverDueMessages();
      const dueAt = await nextDueAt(db(), outboxTargets());
      if (dueAt) {
        if (deliverer.timer) clearTimeout(deliverer.timer);
        const waitMs = Math.min(Math.max(dueAt.getTime() - Date.now(), 0) + 50, maxSleepMs);
        deliverer.timer = setTimeout(wakeOutboxDeliverer, waitMs);
        deliverer.timer.unref();
      }
    } catch (error) {
      logEvent("outbox.pass-failed", { error: error instanceof Error ? error.message : String(error) }, "error");
    }
  } while (deliverer.again);
}

/** Starts a delivery pass now (or right after the one running); returns at once. */
export function wakeOutboxDeliverer(): void {
  if (outboxTargets().length === 0) return;
  const deliverer = state();
  if (deliverer.running) {
    deliverer.again = true;
    return;
  }
  deliverer.running = runPasses(deliverer).finally(() => (deliverer.running = null));
}

/** Resolves when the pass in progress (if any) has finished: for shutdown and tests. */
export async function outboxDelivererIdle(): Promise<void> {
  while (state().running) await state().running;
}

/** Stops the retry timer (the process is shutting down). */
export function stopOutboxDeliverer(): void {
  const deliverer = state();
  if (deliverer.timer) clearTimeout(deliverer.timer);
  deliverer.timer = null;
}
