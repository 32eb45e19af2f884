import { sessionCookieFor } from "@/lib/auth/session-cookie";
import { openAuthSession } from "@/lib/auth/sessions";
import { startAppServer } from "../tests/support/app-server";
import { runLoad, type LoadFigures } from "./http-load";
import { runOpenLoop, type OpenLoopFigures } from "./open-loop";
import type { BenchOptions } from "./options";
import { queueDueSlot, runDueSlot, type Actor, type SlotRun } from "./slot-run";

const benchAuthSecret = "bench-secret";

export type HttpFigures = {
  /** One client, back to back: the server's own time per request. */
  sequential: LoadFigures;
  /** The bars: `concurrency` clients back to back (closed loop), idle and during slot 2. */
  idle: LoadFigures;
  duringSlot: LoadFigures;
  slot: SlotRun;
  /** For comparison: the same clients each polling once per pollMs, idle and during slot 3. */
  pacedIdle: LoadFigures;
  pacedDuringSlot: LoadFigures;
  pacedSlot: SlotRun;
  /** Open loop at fixed rates (its own process): idle, idle with If-None-Match, and each rate during its own slot. */
  openLoop: {
    idle: OpenLoopFigures[];
    idleConditional: OpenLoopFigures;
    duringSlot: (OpenLoopFigures & { slotNumber: number; slotMs: number })[];
  };
};

export const openLoopRates = [100, 500, 1_000];

const statusPath = "/api/admin/daily-declaration-returns/today/status";

const describe = (f: LoadFigures) =>
  `${f.requests} requests in ${f.seconds} s, p50 ${f.p50Ms} / p95 ${f.p95Ms} / p99 ${f.p99Ms} / max ${f.maxMs} ms, ${f.requestsPerSecond} req/s, ${f.errors} errors`;

const describeOpen = (f: OpenLoopFigures) =>
  `${f.requests} requests in ${f.seconds} s (${f.achievedPerSecond}/s), p50 ${f.p50Ms} / p99 ${f.p99Ms} / max ${f.maxMs} ms, ${f.errors} errors${f.notModified ? `, ${f.notModified} × 304` : ""}`;

/** Queues the next slot due now and runs it in this process while `load` runs until it ends. */
export async function loadDuringSlot<F>(
  admin: Actor,
  slotNumber: number,
  load: (until: Promise<SlotRun>) => Promise<F>,
): Promise<{ figures: F; slot: SlotRun }> {
  // Pools rise each slot, so each slot also pays the rise (pools are day totals).
  await queueDueSlot(admin, {
    slotNumber,
    rosPercentage: "0.75",
    premiumPoolAmount: String(10_000 * slotNumber),
    performancePoolAmount: String(25_000 * slotNumber),
  });
  const slotRun = runDueSlot();
  slotRun.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
  const figures = await load(slotRun);
  return { figures, slot: await slotRun };
}

/**
 * GET /today/status against `next start`: on an idle system, then while slots over every stake
 * execute in this process. The server is stopped whatever happens.
 */
export async function measureHttp(options: BenchOptions, admin: Actor, log: (line: string) => void): Promise<HttpFigures> {
  const databaseUrl = process.env.DATABASE_URL ?? options.databaseUrl;
  const server = await startAppServer({
    port: options.port,
    databaseUrl,
    env: { NEXTAUTH_SECRET: benchAuthSecret, SLOTPAY_SCHEDULER: "off", SLOTPAY_LOG: "silent" }, // the bench runs the slots itself
  });
  try {
    // The cookie is signed here with the server's secret, as the tests sign theirs.
    process.env.NEXTAUTH_SECRET = benchAuthSecret;
    process.env.NEXTAUTH_URL = server.baseUrl;
    const sessionId = await openAuthSession(admin.id);
    const cookie = await sessionCookieFor({ sid: sessionId, sub: String(admin.id), email: admin.email });
    const base = { url: `${server.baseUrl}${statusPath}`, headers: { cookie } };
    const closed = { ...base, concurrency: options.concurrency, maxRequests: options.httpRequests, maxSeconds: options.httpSeconds };
    const paced = { ...closed, maxRequests: Number.MAX_SAFE_INTEGER, intervalMs: options.pollMs };

    const warmup = await runLoad({ ...base, concurrency: 10, maxRequests: 500, maxSeconds: 30 }); // first hits load the route's code
    if (warmup.errors > 0) throw new Error(`GET ${statusPath} failed during warm-up: ${warmup.firstError}`);

    const sequential = await runLoad({ ...base, concurrency: 1, maxRequests: 500, maxSeconds: 10 });
    log(`  1 client, back to back: ${describe(sequential)}`);
    const idle = await runLoad(closed);
    log(`  ${options.concurrency} clients, back to back: ${describe(idle)}`);
    const during = await loadDuringSlot(admin, 2, (until) =>
      runLoad({ ...closed, maxRequests: Number.MAX_SAFE_INTEGER, maxSeconds: options.httpDuringMaxSeconds, until }),
    );
    log(
      `  ${options.concurrency} clients, back to back, during slot 2 (${(during.slot.wallMs / 1000).toFixed(2)} s): ${describe(during.figures)}`,
    );

    const pacedIdle = await runLoad(paced);
    log(`  ${options.concurrency} clients polling every ${options.pollMs} ms: ${describe(pacedIdle)}`);
    const pacedDuring = await loadDuringSlot(admin, 3, (until) => runLoad({ ...paced, maxSeconds: options.httpDuringMaxSeconds, until }));
    log(
      `  ${options.concurrency} clients polling every ${options.pollMs} ms, during slot 3 (${(pacedDuring.slot.wallMs / 1000).toFixed(2)} s): ${describe(pacedDuring.figures)}`,
    );

    const openIdle: OpenLoopFigures[] = [];
    for (const rate of openLoopRates) {
      openIdle.push(await runOpenLoop({ ...base, rate, seconds: options.openLoopSeconds }));
      log(`  open loop ${rate} req/s: ${describeOpen(openIdle.at(-1)!)}`);
    }
    const idleConditional = await runOpenLoop({ ...base, rate: 1_000, seconds: options.openLoopSeconds, conditional: true });
    log(`  open loop 1000 req/s with If-None-Match: ${describeOpen(idleConditional)}`);
    const openDuring: HttpFigures["openLoop"]["duringSlot"] = [];
    for (const [index, rate] of openLoopRates.entries()) {
      const slotNumber = 4 + index;
      const run = await loadDuringSlot(admin, slotNumber, (until) =>
        runOpenLoop({ ...base, rate, seconds: options.httpDuringMaxSeconds, until }),
      );
      openDuring.push({ ...run.figures, slotNumber, slotMs: run.slot.wallMs });
      log(`  open loop ${rate} req/s during slot ${slotNumber} (${(run.slot.wallMs / 1000).toFixed(2)} s): ${describeOpen(run.figures)}`);
    }

    return {
      openLoop: { idle: openIdle, idleConditional, duringSlot: openDuring },
      sequential,
      idle,
      duringSlot: during.figures,
      slot: during.slot,
      pacedIdle,
      pacedDuringSlot: pacedDuring.figures,
      pacedSlot: pacedDuring.slot,
    };
  } finally {
    await server.stop();
  }
}
