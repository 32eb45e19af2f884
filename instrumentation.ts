// Runs once per server process: starts the embedded scheduler unless Inngest drives execution.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { inngestConfigured } = await import("./inngest/client");
  const { startEmbeddedScheduler, stopEmbeddedScheduler } = await import("./lib/scheduler/embedded-scheduler");
  if (!inngestConfigured() && process.env.SLOTPAY_SCHEDULER !== "off") startEmbeddedScheduler();

  // `npm start` sets NEXT_MANUAL_SIG_HANDLE so that shutdown waits for a slot in flight to
  // commit (bounded) before exiting; otherwise Next.js exits at once and the slot's lease
  // expires, after which another executor completes it.
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      const grace = new Promise((resolve) => setTimeout(resolve, 25_000));
      void Promise.race([stopEmbeddedScheduler(), grace]).finally(() => process.exit(exitCodes[signal]));
    });
  }
}
