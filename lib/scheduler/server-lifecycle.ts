import { inngestConfigured } from "@/inngest/configured";
import { startEmbeddedScheduler, stopEmbeddedScheduler } from "./embedded-scheduler";

const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
const shutdownGraceMs = 25_000;

/** For the server process: the embedded scheduler unless Inngest drives execution, and a clean stop. */
export function startSchedulerForServer(): void {
  if (!inngestConfigured() && process.env.SLOTPAY_SCHEDULER !== "off") startEmbeddedScheduler();

  // `npm start` sets NEXT_MANUAL_SIG_HANDLE so that shutdown waits for a slot in flight to
  // commit (bounded) before exiting; otherwise Next.js exits at once and the slot's lease
  // expires, after which another executor completes it.
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      const grace = new Promise((resolve) => setTimeout(resolve, shutdownGraceMs));
      void Promise.race([stopEmbeddedScheduler(), grace]).finally(() => process.exit(exitCodes[signal]));
    });
  }
}
