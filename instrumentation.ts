// Runs once per server process: the embedded scheduler lives in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startSchedulerForServer } = await import("./lib/scheduler/server-lifecycle");
  startSchedulerForServer();
}
