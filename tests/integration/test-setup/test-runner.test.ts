import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// The runner behind npm test, in a real process with TEST_DATABASE_URL unset: it starts a
// throwaway PostgreSQL for the step and must stop it however the step ends.

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const probe = path.join(repoRoot, "tests/fixtures/test-runner-probe.ts");
const scratch = mkdtempSync(path.join(tmpdir(), "slotpay-runner-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runProbe(behaviour: string) {
  const report = path.join(scratch, `${behaviour}-${Date.now()}.url`);
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", probe, report, behaviour], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exitCode = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stepSawUrl = async () => {
    for (let waited = 0; !existsSync(report) || readFileSync(report, "utf8") === ""; waited += 100) {
      if (waited > 60_000) throw new Error(`the step never ran:\n${output}`);
      await sleep(100);
    }
    return readFileSync(report, "utf8");
  };
  return { child, exitCode, stepSawUrl, output: () => output };
}

async function serverAnswers(url: string): Promise<boolean> {
  const target = new URL(url);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const dataDirectoryIn = (output: string) => /\(data in (\S+)\)/.exec(output)?.[1] ?? "";

describe("the test runner (scripts/test.ts)", () => {
  it("hands the step a throwaway PostgreSQL and stops it when the step fails, with the step's exit code", async () => {
    const run = runProbe("3");
    const url = await run.stepSawUrl();
    expect(url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/slotpay_test$/);
    expect(await run.exitCode).toBe(3);
    expect(run.output()).toContain("probe failed (exit code 3)");
    expect(await serverAnswers(url)).toBe(false);
    expect(dataDirectoryIn(run.output())).not.toBe("");
    expect(existsSync(dataDirectoryIn(run.output()))).toBe(false);
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("passes %s on to the running step once, then stops the PostgreSQL", async (signal, expectedCode) => {
    const run = runProbe("wait");
    const url = await run.stepSawUrl();
    expect(await serverAnswers(url)).toBe(true);
    run.child.kill(signal);
    run.child.kill(signal); // a Ctrl-C arrives more than once (terminal, npm, tsx)
    expect(await run.exitCode).toBe(expectedCode);
    expect(await serverAnswers(url)).toBe(false);
    expect(existsSync(dataDirectoryIn(run.output()))).toBe(false);
  });
});
