import { spawn } from "node:child_process";
import path from "node:path";

export type OpenLoopFigures = {
  rate: number;
  conditional: boolean;
  requests: number;
  /** Failed answers plus dropped sends. */
  errors: number;
  /** Sends not made because `maxInFlight` requests were already waiting (the server was that far behind). */
  dropped: number;
  /** 304 answers (conditional load only). */
  notModified: number;
  seconds: number;
  achievedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  firstError?: string;
};

type OpenLoopPlan = {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  /** Each GET names the last ETag it got (If-None-Match), as the console's polling does. */
  conditional?: boolean;
  /** Stops the load early when it settles (the slot it overlaps has ended). */
  until?: Promise<unknown>;
};

const childScript = path.join(import.meta.dirname, "open-loop-child.ts");

/** Runs open-loop-child.ts in its own process at `rate` GETs a second and returns its figures. */
export function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopFigures> {
  const args = JSON.stringify({
    url: plan.url,
    headers: plan.headers,
    rate: plan.rate,
    seconds: plan.seconds,
    conditional: !!plan.conditional,
  });
  const child = spawn(process.execPath, ["--import", "tsx", childScript, args], { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => child.kill("SIGTERM");
  plan.until?.then(stop, stop);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const line = output.trim().split("\n").at(-1);
      if (code !== 0 || !line) return reject(new Error(`the load generator exited with ${code ?? signal}: ${output.slice(-500)}`));
      resolve(JSON.parse(line) as OpenLoopFigures);
    });
  });
}
