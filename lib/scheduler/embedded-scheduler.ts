// The in-process scheduler of the embedded deployment (SPEC §7). It is the driver used when
// Inngest is not configured; one per process, kept on globalThis because instrumentation.ts
// and the route handlers are separate bundles.

type SchedulerState = { startedAt: Date; wake: () => void; stop: () => Promise<void> };

const holder = globalThis as typeof globalThis & { __slotpayScheduler?: SchedulerState };

export function embeddedScheduler(): SchedulerState | undefined {
  return holder.__slotpayScheduler;
}

/** Starts the process's scheduler once. Slot execution is wired in by the distribution tick. */
export function startEmbeddedScheduler(): SchedulerState {
  holder.__slotpayScheduler ??= { startedAt: new Date(), wake: () => undefined, stop: async () => undefined };
  return holder.__slotpayScheduler;
}
