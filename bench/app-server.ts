import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { nextBuildNeededBecause } from "@/lib/seed/next-build";

export const benchAuthSecret = "bench-secret";

export type AppServer = { baseUrl: string; stop: () => Promise<void> };

const projectRoot = process.cwd();
const nextBin = path.join(projectRoot, "node_modules", ".bin", "next");

/** Builds when the production build is missing or older than a source, by the rule e2e/serve.ts uses. */
export function ensureNextBuild(options: { log: (line: string) => void }): void {
  const reason = nextBuildNeededBecause({ projectRoot });
  if (!reason) return;
  options.log(`  building the app, because ${reason}`);
  const result = spawnSync(nextBin, ["build"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`next build failed (${result.status ?? result.signal}):\n${tail}`);
  }
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

function serverEnv(databaseUrl: string, baseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: benchAuthSecret,
    NEXTAUTH_URL: baseUrl,
    SLOTPAY_SCHEDULER: "off", // the bench runs the slots itself
    SLOTPAY_LOG: "silent",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of ["INNGEST_EVENT_KEY", "INNGEST_DEV", "INNGEST_BASE_URL", "ENABLE_TEST_ENDPOINTS", "NEXT_MANUAL_SIG_HANDLE", "PORT"])
    delete env[name];
  return env;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the server's own process group: next start and anything it forked
  } catch {
    // already gone
  }
}

/** `next start` on the port, as a child in its own process group; resolves once /api/health answers. */
export async function startAppServer(options: { port: number; databaseUrl: string }): Promise<AppServer> {
  const baseUrl = `http://localhost:${options.port}`;
  if (await answers(`${baseUrl}/api/health`))
    throw new Error(`Something already answers on port ${options.port}; set BENCH_PORT to a free port`);

  const output: string[] = [];
  const child = spawn(nextBin, ["start", "-p", String(options.port)], {
    env: serverEnv(options.databaseUrl, baseUrl),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n"));
    output.splice(0, Math.max(0, output.length - 40)); // the tail is enough to explain a failed start
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    killGroup(child, "SIGTERM");
    const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!gone) killGroup(child, "SIGKILL");
    await Promise.race([exited, sleep(5_000)]);
    process.removeListener("exit", killOnExit);
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await answers(`${baseUrl}/api/health`)) return { baseUrl, stop };
    await sleep(250);
  }
  await stop();
  throw new Error(`next start did not become healthy on port ${options.port}. Its last output:\n${output.join("\n")}`);
}
