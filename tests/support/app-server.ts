import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { nextBuildNeededBecause } from "@/lib/start/next-build";

// A real `next start` in its own process group, for suites that need the app as it runs in
// production (the benchmark, HTTP fuzzing, chaos and the Inngest server suites).

const projectRoot = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(projectRoot, "node_modules", ".bin", "next");
const buildLock = path.join(projectRoot, ".next-build.lock");
const staleLockMs = 10 * 60_000;

export type AppServer = {
  baseUrl: string;
  port: number;
  pid: number;
  /** Sends a signal to the server's process group (SIGKILL, SIGSTOP, SIGCONT, SIGTERM …). */
  signal: (signal: NodeJS.Signals) => void;
  /** Resolves when the server process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the server printed (its JSON event log included). */
  output: () => string[];
  /** SIGTERM, then SIGKILL after 10 s; resolves once it is gone. */
  stop: () => Promise<void>;
};

async function withBuildLock<T>(work: () => T): Promise<T> {
  // Test files run in parallel processes: one builds while the others wait for it.
  for (;;) {
    try {
      mkdirSync(buildLock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(buildLock).mtimeMs > staleLockMs) rmSync(buildLock, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      await sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(buildLock, { recursive: true, force: true });
  }
}

/** A TCP port nobody listens on right now, for a server a suite starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Builds when the production build is missing or older than a source (the rule e2e/serve.ts uses). */
export async function ensureNextBuild(options: { log?: (line: string) => void } = {}): Promise<void> {
  await withBuildLock(() => {
    const reason = nextBuildNeededBecause({ projectRoot });
    if (!reason) return;
    options.log?.(`  building the app, because ${reason}`);
    const result = spawnSync(nextBin, ["build"], {
      cwd: projectRoot,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SLOTPAY_BUILD_SKIP_TYPECHECK: "1" }, // npm test type-checks first
    });
    if (result.status !== 0) {
      const tail = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
      throw new Error(`next build failed (${result.status ?? result.signal}):\n${tail}`);
    }
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

// Variables of the caller that would change how the server runs; the caller passes what it wants.
const inheritedOnlyIfAsked = [
  "INNGEST_EVENT_KEY",
  "INNGEST_SIGNING_KEY",
  "INNGEST_DEV",
  "INNGEST_BASE_URL",
  "ENABLE_TEST_ENDPOINTS",
  "NEXT_MANUAL_SIG_HANDLE",
  "PORT",
  "SLOTPAY_SCHEDULER",
];

function serverEnv(options: StartOptions, baseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inheritedOnlyIfAsked) delete env[name];
  return {
    ...env,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "slotpay-test-secret-not-for-production-use",
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // next start and anything it forked
  } catch {
    // already gone
  }
}

type StartOptions = {
  port: number;
  databaseUrl: string;
  /** Added to (and overriding) the server's environment. */
  env?: Record<string, string>;
  /** How many output lines to keep (default 200). */
  keepLines?: number;
  healthTimeoutMs?: number;
};

/** `next start` on the port; resolves once /api/health answers. Call ensureNextBuild first. */
export async function startAppServer(options: StartOptions): Promise<AppServer> {
  const baseUrl = `http://localhost:${options.port}`;
  if (await answers(`${baseUrl}/api/health`)) throw new Error(`Something already answers on port ${options.port}; pick a free port`);

  const keepLines = options.keepLines ?? 200;
  const lines: string[] = [];
  const child = spawn(nextBin, ["start", "-p", String(options.port)], {
    cwd: projectRoot,
    env: serverEnv(options, baseUrl),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - keepLines));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    killGroup(child, "SIGCONT"); // a stopped server cannot act on SIGTERM
    killGroup(child, "SIGTERM");
    const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!gone) killGroup(child, "SIGKILL");
    await Promise.race([exited, sleep(5_000)]);
    process.removeListener("exit", killOnExit);
  };
  const server: AppServer = {
    baseUrl,
    port: options.port,
    pid: child.pid ?? -1,
    signal: (signal) => killGroup(child, signal),
    exited,
    output: () => [...lines],
    stop,
  };

  const deadline = Date.now() + (options.healthTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await answers(`${baseUrl}/api/health`)) return server;
    await sleep(250);
  }
  await stop();
  throw new Error(`next start did not become healthy on port ${options.port}. Its last output:\n${lines.slice(-40).join("\n")}`);
}
