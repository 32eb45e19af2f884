import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./app-server";

// A real Inngest server (the open-source `inngest` binary) in its own process group, in one of
// its two modes: `inngest dev` (no keys) or `inngest start` (self-hosted: signed requests).

const projectRoot = path.resolve(import.meta.dirname, "../..");

/** INNGEST_DEV_SERVER_BIN, else ../shared/tools/inngest/inngest beside the repository; undefined when neither exists. */
export function findInngestServer(): string | undefined {
  const candidates = [process.env.INNGEST_DEV_SERVER_BIN, path.resolve(projectRoot, "../shared/tools/inngest/inngest")];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

export type InngestMode = "dev" | "signed";

export type InngestRun = { id: string; status: string; functionSlug: string; startedAt: string | null; endedAt: string | null };

type ServerIdentity = {
  mode: InngestMode;
  baseUrl: string;
  /** The app's environment for this server (SDK mode, base URL and, when signed, the keys). */
  appEnv: Record<string, string>;
  /** The signing key as the app holds it (signed mode only). */
  signingKey?: string;
};

export type InngestServer = ServerIdentity & {
  graphql: <T>(query: string) => Promise<T>;
  /** Sends events to the server as an app would (with the event key in signed mode). */
  send: (events: { name: string; data: Record<string, unknown> }[]) => Promise<void>;
  /** The apps the server knows, with the URL of each function (what it will call). */
  apps: () => Promise<{ name: string; url: string; functions: { slug: string; url: string }[] }[]>;
  /** Runs queued since `since`, oldest first. */
  runs: (since: Date) => Promise<InngestRun[]>;
  /** What a run returned (the data of its last op), or null. */
  runOutput: (runId: string) => Promise<unknown>;
  /** The data of the event that triggered a run, or null (a cron run). */
  runEventData: (runId: string) => Promise<unknown>;
  output: () => string[];
  stop: () => Promise<void>;
};

export type PlannedInngestServer = ServerIdentity & {
  /** Starts it, syncing the app at `appUrl` (start the app first); resolves once /health answers. */
  start: (options: { appUrl: string }) => Promise<InngestServer>;
};

/** Picks the server's port and keys, so the app can be started with them before the server itself. */
export async function planInngestServer(options: { mode: InngestMode }): Promise<PlannedInngestServer> {
  const binary = findInngestServer();
  if (!binary) throw new Error("No Inngest server: set INNGEST_DEV_SERVER_BIN or place it at ../shared/tools/inngest/inngest");
  const port = await freePort();
  const hexKey = randomBytes(32).toString("hex");
  const eventKey = `evt-${randomBytes(8).toString("hex")}`;
  const identity: ServerIdentity = { mode: options.mode, baseUrl: `http://127.0.0.1:${port}`, appEnv: {} };
  if (options.mode === "dev") identity.appEnv = { INNGEST_DEV: "1", INNGEST_BASE_URL: identity.baseUrl };
  else {
    identity.signingKey = `signkey-prod-${hexKey}`;
    identity.appEnv = { INNGEST_BASE_URL: identity.baseUrl, INNGEST_SIGNING_KEY: identity.signingKey, INNGEST_EVENT_KEY: eventKey };
  }
  const start = async ({ appUrl }: { appUrl: string }) => {
    // The connect gateway's ports default to fixed numbers: free ones, so servers run side by side.
    const connectPorts = [];
    for (const flag of ["--connect-gateway-port", "--connect-gateway-grpc-port", "--connect-executor-grpc-port"]) {
      connectPorts.push(flag, String(await freePort()));
    }
    const dataDir = options.mode === "signed" ? mkdtempSync(path.join(tmpdir(), "slotpay-inngest-")) : undefined;
    const modeArgs =
      options.mode === "dev"
        ? ["dev", "--no-discovery"]
        : ["start", "--signing-key", hexKey, "--event-key", eventKey, "--sqlite-dir", dataDir ?? ""];
    return launch(identity, { binary, args: [...modeArgs, "--port", String(port), "-u", appUrl, ...connectPorts], dataDir });
  };
  return { ...identity, start };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

type RunsPage = {
  runs: { edges: { node: { id: string; status: string; startedAt: string | null; endedAt: string | null; function: { slug: string } } }[] };
};

async function launch(identity: ServerIdentity, options: { binary: string; args: string[]; dataDir?: string }): Promise<InngestServer> {
  const lines: string[] = [];
  const child = spawn(options.binary, options.args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 2_000));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    killGroup("SIGTERM");
    // It takes several seconds to stop on SIGTERM, and nothing of it is kept.
    if (!(await Promise.race([exited.then(() => true), sleep(3_000).then(() => false)]))) killGroup("SIGKILL");
    await Promise.race([exited, sleep(5_000)]);
    process.removeListener("exit", killOnExit);
    if (options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  };

  const graphql = async <T>(query: string): Promise<T> => {
    const auth: Record<string, string> = identity.signingKey ? { authorization: `Bearer ${identity.signingKey}` } : {};
    const response = await fetch(`${identity.baseUrl}/v0/gql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (!response.ok || body.errors || !body.data) throw new Error(`Inngest GraphQL failed: ${JSON.stringify(body)}`);
    return body.data;
  };
  const runs = async (since: Date) => {
    const page = await graphql<RunsPage>(
      `{ runs(first: 400, orderBy: [{field: QUEUED_AT, direction: ASC}], filter: {from: "${since.toISOString()}"}) {
           edges { node { id status startedAt endedAt function { slug } } } } }`,
    );
    return page.runs.edges.map(({ node }) => ({ ...node, functionSlug: node.function.slug }));
  };
  const runOutput = async (runId: string) => {
    const { run } = await graphql<{ run: { output: string | null } | null }>(`{ run(runID: "${runId}") { output } }`);
    if (!run?.output) return null;
    const parsed: unknown = JSON.parse(run.output);
    // The server may keep the SDK's ops ([{op: "RunComplete", data}]) or the returned data itself.
    if (Array.isArray(parsed)) return (parsed.at(-1) as { data?: unknown } | undefined)?.data ?? null;
    return parsed;
  };

  const runEventData = async (runId: string) => {
    const { runTrigger } = await graphql<{ runTrigger: { payloads: string[] } | null }>(`{ runTrigger(runID: "${runId}") { payloads } }`);
    const [payload] = runTrigger?.payloads ?? [];
    return payload ? ((JSON.parse(payload) as { data?: unknown }).data ?? null) : null;
  };

  const send = async (events: { name: string; data: Record<string, unknown> }[]) => {
    const response = await fetch(`${identity.baseUrl}/e/${identity.appEnv.INNGEST_EVENT_KEY ?? "dev"}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(events),
    });
    if (!response.ok) throw new Error(`Inngest refused the events: ${response.status} ${await response.text()}`);
  };
  type Apps = Awaited<ReturnType<InngestServer["apps"]>>;
  const apps = async () => (await graphql<{ apps: Apps }>("{ apps { name url functions { slug url } } }")).apps;

  const server: InngestServer = { ...identity, graphql, send, apps, runs, runOutput, runEventData, output: () => [...lines], stop };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await healthy(identity.baseUrl)) return server;
    await sleep(200);
  }
  await stop();
  throw new Error(`The Inngest server (${identity.mode}) did not become healthy at ${identity.baseUrl}:\n${lines.slice(-30).join("\n")}`);
}

/** An X-Inngest-Signature for `body` as Inngest makes it (HMAC-SHA256 of body and timestamp), with any key. */
export function signLikeInngest(body: string, signingKey: string): string {
  const ts = String(Math.round(Date.now() / 1000));
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${ts}&s=${createHmac("sha256", key).update(body).update(ts).digest("hex")}`;
}
