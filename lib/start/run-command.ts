import { spawn } from "node:child_process";
import { constants } from "node:os";

/**
 * Runs a command with inherited stdio and resolves with its exit code (128 + n when killed by
 * signal n). The signals sent to this process (by default SIGINT and SIGTERM) are passed on, so
 * the child shuts down cleanly.
 */
export function runCommand(options: {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  forwardedSignals?: readonly NodeJS.Signals[];
}): Promise<number> {
  const forwardedSignals = options.forwardedSignals ?? ["SIGINT", "SIGTERM"];
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, options.args, { stdio: "inherit", env: options.env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of forwardedSignals) process.on(signal, forward);
    const stopForwarding = () => forwardedSignals.forEach((signal) => process.off(signal, forward));
    child.on("error", (error) => {
      stopForwarding();
      reject(error);
    });
    child.on("exit", (code, signal) => {
      stopForwarding();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 1));
    });
  });
}
