import { logEvent } from "@/lib/observability/log";
import type { DayState } from "./day-state";

// "A day's slots changed" — emitted by the domain after the change committed; the drivers
// (embedded scheduler, Inngest sender, status cache) subscribe at start-up (decision 020). Kept on
// globalThis: instrumentation.ts and the route handlers are separate bundles of one process.

export type SlotsChanged = {
  dayId: number;
  /** An admin change: the day before and after it, so a driver can (re)schedule runs. Absent when an executor moved a slot. */
  plan?: { before: DayState | null; after: DayState; changeId: string };
};

type Listener = (event: SlotsChanged) => void | Promise<void>;

const holder = globalThis as typeof globalThis & { __slotpaySlotsChanged?: Set<Listener> };
const listeners = () => (holder.__slotpaySlotsChanged ??= new Set());

/** Subscribes `listener`; returns its unsubscribe. */
export function onSlotsChanged(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/**
 * Tells every subscriber, after commit, and waits for them. A listener that fails is logged, not
 * thrown: the change is committed, and the every-minute safety-net tick covers a lost event.
 */
export async function emitSlotsChanged(event: SlotsChanged): Promise<void> {
  const results = await Promise.allSettled([...listeners()].map(async (listener) => listener(event)));
  for (const result of results) {
    if (result.status === "rejected") {
      const error = result.reason instanceof Error ? result.reason.message : String(result.reason);
      logEvent("slots-changed.listener-failed", { dayId: event.dayId, error }, "error");
    }
  }
}
