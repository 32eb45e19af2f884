import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { z } from "zod";

// Other processes against this test file's database: a tick run by "another instance" and the
// ledger:verify command, each with only the environment it needs.

const repoRoot = path.resolve(import.meta.dirname, "../..");
const tickScript = path.join(repoRoot, "tests/fixtures/execution-tick.ts");

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: the per-file database setup has not run");
  return {
    NODE_ENV: "test",
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "slotpay-test-secret-not-for-production-use",
    SLOTPAY_LOG: "silent",
    ...extra,
  };
}

const outcome = z.object({
  slotId: z.number(),
  dayId: z.number(),
  slotNumber: z.number(),
  status: z.enum(["COMPLETED", "FAILED", "LEASE_LOST"]),
});
export const tickOutput = z.object({
  now: z.string(),
  executed: z.array(outcome),
  reaped: z.array(z.unknown()),
  missed: z.array(z.unknown()),
});
export type TickOutput = z.infer<typeof tickOutput>;

export type TickProcess = {
  child: ChildProcess;
  /** Resolves once the child has connected and waits for `go()` (only with waitForGo). */
  ready: Promise<void>;
  go: () => void;
  /** Exit code (null when killed by a signal) and everything printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
};

/** Starts `tests/fixtures/execution-tick.ts` in a new Node process (on the real clock when `now` is omitted). */
export function spawnTick(options: { now?: Date; env?: Record<string, string>; waitForGo?: boolean }): TickProcess {
  const child = spawn(process.execPath, ["--import", "tsx", tickScript], {
    cwd: repoRoot,
    env: childEnv({
      ...(options.now ? { TICK_NOW: options.now.toISOString() } : {}),
      ...(options.waitForGo ? { TICK_WAIT_FOR_GO: "1" } : {}),
      ...options.env,
    }),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, ready, go: () => child.stdin?.end("go\n"), exited };
}

/** The tick result a child printed as its last line. */
export function parseTickOutput(stdout: string): TickOutput {
  const lines = stdout.trim().split("\n");
  return tickOutput.parse(JSON.parse(lines[lines.length - 1] ?? ""));
}

/** `npm run ledger:verify` against this file's database. */
export function runLedgerVerify(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn("npm", ["run", "--silent", "ledger:verify"], { cwd: repoRoot, env: childEnv({}), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
