// What one `npm run bench` measures: sizes from the environment, or flags that override it.

export type BenchOptions = {
  databaseUrl: string;
  stakes: number;
  users: number;
  loopSample: number;
  port: number;
  /** The idle load stops at whichever comes first. */
  httpRequests: number;
  httpSeconds: number;
  /** The load during a slot stops when the slot ends, or at this bound. */
  httpDuringMaxSeconds: number;
  concurrency: number;
  /** The paced load: each client polls once per this many ms, as an open dashboard would. */
  pollMs: number;
  /** Each idle open-loop rate runs this long. */
  openLoopSeconds: number;
  quick: boolean;
  /** --no-http: seed, floor, slot 1, loop and ledger check only (no app server, no build). */
  http: boolean;
  /** --history=N: at the end, N slots of history written set-based, then a slot measured after them (0: none). */
  history: number;
  /** --no-throughput: skip the payout export and the stakes importer at the end. */
  throughput: boolean;
};

export const defaultBenchDatabaseUrl = "postgresql://slotpay:slotpay@127.0.0.1:5432/slotpay_bench";

const usage = `npm run bench -- [--quick] [--stakes=N] [--users=N] [--loop-sample=N] [--no-http] [--no-throughput] [--history=N]
  env: BENCH_DATABASE_URL, BENCH_STAKES, BENCH_USERS, BENCH_LOOP_SAMPLE, BENCH_PORT, BENCH_HISTORY,
       BENCH_HTTP_REQUESTS, BENCH_HTTP_SECONDS, BENCH_HTTP_DURING_MAX_SECONDS, BENCH_CONCURRENCY, BENCH_POLL_MS, BENCH_OPEN_LOOP_SECONDS`;

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"\n${usage}`);
  return value;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}"\n${usage}`);
    flags.set(match[1], match[2] ?? "true");
  }
  const known = new Set(["quick", "stakes", "users", "loop-sample", "no-http", "no-throughput", "history"]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`Unknown flag --${name}\n${usage}`);

  const quick = flags.has("quick");
  const stakes = positiveInteger("stakes", flags.get("stakes") ?? env.BENCH_STAKES, quick ? 50_000 : 1_000_000);
  const users = positiveInteger("users", flags.get("users") ?? env.BENCH_USERS, quick ? 10_000 : 200_000);
  if (users > stakes) throw new Error(`users (${users}) must not exceed stakes (${stakes})`);
  return {
    databaseUrl: env.BENCH_DATABASE_URL || defaultBenchDatabaseUrl,
    stakes,
    users,
    loopSample: Math.min(stakes, positiveInteger("loop-sample", flags.get("loop-sample") ?? env.BENCH_LOOP_SAMPLE, quick ? 1_000 : 5_000)),
    port: positiveInteger("BENCH_PORT", env.BENCH_PORT, 3200),
    httpRequests: positiveInteger("BENCH_HTTP_REQUESTS", env.BENCH_HTTP_REQUESTS, quick ? 2_000 : 5_000),
    httpSeconds: positiveInteger("BENCH_HTTP_SECONDS", env.BENCH_HTTP_SECONDS, 15),
    httpDuringMaxSeconds: positiveInteger("BENCH_HTTP_DURING_MAX_SECONDS", env.BENCH_HTTP_DURING_MAX_SECONDS, 180),
    concurrency: positiveInteger("BENCH_CONCURRENCY", env.BENCH_CONCURRENCY, 50),
    pollMs: positiveInteger("BENCH_POLL_MS", env.BENCH_POLL_MS, 1_000),
    openLoopSeconds: positiveInteger("BENCH_OPEN_LOOP_SECONDS", env.BENCH_OPEN_LOOP_SECONDS, 10),
    quick,
    http: !flags.has("no-http"),
    history: flags.has("history") || env.BENCH_HISTORY ? positiveInteger("history", flags.get("history") ?? env.BENCH_HISTORY, 0) : 0,
    throughput: !flags.has("no-throughput"),
  };
}
