import { tick } from "@/lib/distribution/execution/tick";
import { logEvent } from "@/lib/observability/log";
import { wakeOutboxDeliverer } from "@/lib/webhooks/outbox-deliverer";
import { listenForDayChanges } from "./day-change-listener";
import { maxSleepMs, msUntilNextWake } from "./next-wake";

// The in-process scheduler of the embedded deployment (SPEC §7): sleeps until the next slot's
// time (at most 30 s), runs the shared tick, and is woken at once when slots change — by this
// process, or on PostgreSQL by any process (LISTEN/NOTIFY), so a day's next slot starts as soon
// as the last one ends wherever it ran. One per process, kept on globalThis because
// instrumentation.ts and route handlers are separate bundles.

export type EmbeddedScheduler = { wake: () => void; stop: () => Promise<void>; ticks: () => number };

const holder = globalThis as typeof globalThis & { __slotpayScheduler?: EmbeddedScheduler };

export const embeddedScheduler = (): EmbeddedScheduler | undefined => holder.__slotpayScheduler;

function createScheduler(): EmbeddedScheduler {
  let stopped = false;
  let ticks = 0;
  let wakeSleeper: (() => void) | undefined;
  let wokenEarly = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wokenEarly) return resolve();
      const timer = setTimeout(resolve, ms);
      wakeSleeper = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const wake = () => {
    wokenEarly = true;
    wakeSleeper?.();
  };
  const databaseUrl = process.env.DATABASE_URL;
  const listener = databaseUrl ? listenForDayChanges({ databaseUrl, onChange: wake }) : undefined;

  const loop = (async () => {
    while (!stopped) {
      wokenEarly = false;
      try {
        const result = await tick();
        ticks++;
        wakeOutboxDeliverer(); // the sweep: messages left by a process that stopped, and retries that are due
        if (result.executed.length + result.reaped.length + result.missed.length > 0) {
          logEvent("scheduler.tick", { executed: result.executed.length, reaped: result.reaped.length, missed: result.missed.length });
        }
        if (stopped) break;
        await sleep(await msUntilNextWake());
      } catch (error) {
        logEvent("scheduler.tick-failed", { error: error instanceof Error ? error.stack : String(error) }, "error");
        await sleep(maxSleepMs / 6);
      }
      wakeSleeper = undefined;
    }
  })();

  return {
    ticks: () => ticks,
    wake,
    /** Lets a slot in flight finish its one transaction (else its lease expires and another executor completes it). */
    stop: async () => {
      stopped = true;
      wakeSleeper?.();
      await Promise.all([loop, listener?.stop()]);
    },
  };
}

/** Starts the process's scheduler once; later calls return the same one. */
export function startEmbeddedScheduler(): EmbeddedScheduler {
  if (!holder.__slotpayScheduler) {
    holder.__slotpayScheduler = createScheduler();
    logEvent("scheduler.started", { driver: "embedded", maxSleepMs });
  }
  return holder.__slotpayScheduler;
}

export async function stopEmbeddedScheduler(): Promise<void> {
  const scheduler = holder.__slotpayScheduler;
  holder.__slotpayScheduler = undefined;
  await scheduler?.stop();
}
