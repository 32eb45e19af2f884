import pg from "pg";
import { dayChangedChannel } from "@/lib/distribution/day-signal";
import { logEvent } from "@/lib/observability/log";

export type DayChangeListener = { stop: () => Promise<void> };

/**
 * LISTENs, on a connection of its own, for the days other processes change (a slot ended,
 * was reaped, or an admin changed the day) and calls `onChange`, so this process's scheduler
 * takes the day's next slot at once. A lost connection is re-opened with backoff; since
 * notifications may have been missed meanwhile, reconnecting counts as a change.
 */
export function listenForDayChanges(options: { databaseUrl: string; onChange: () => void }): DayChangeListener {
  let stopped = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let backoffMs = 500;

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.databaseUrl, application_name: "slotpay-scheduler-listener" });
    client = next;
    next.on("notification", () => options.onChange());
    next.on("error", (error) => reconnect(error));
    next.on("end", () => reconnect(new Error("connection ended")));
    try {
      await next.connect();
      await next.query(`LISTEN ${dayChangedChannel}`);
      backoffMs = 500;
      options.onChange();
    } catch (error) {
      reconnect(error);
    }
  };

  const reconnect = (error: unknown) => {
    const dead = client;
    client = undefined;
    dead?.removeAllListeners();
    dead?.on("error", () => undefined);
    dead?.end().catch(() => undefined);
    if (stopped || retryTimer) return;
    logEvent("scheduler.listener-lost", { error: error instanceof Error ? error.message : String(error), retryMs: backoffMs }, "warn");
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, backoffMs);
    retryTimer.unref();
    backoffMs = Math.min(backoffMs * 2, 30_000);
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      current?.on("error", () => undefined);
      await current?.end().catch(() => undefined);
    },
  };
}
