import { spawn } from "node:child_process";
import { constants } from "node:os";

const forwardedSignals = ["SIGINT", "SIGTERM"] as const;

/**
 * Runs a command with inherited stdio and resolves with its exit code (128 + n when killed by
 * signal n). SIGINT and SIGTERM sent to this process are passed on, so the child shuts down cleanly.
 */
export function runCommand(options: { command: string; args: string[]; env: NodeJS.ProcessEnv }): Promise<number> {
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
