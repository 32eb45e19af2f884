// Runs once per server process, in the Node.js runtime only: the drivers subscribe to the
// domain's "slots changed", then the embedded scheduler starts (decision 020).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { subscribeToSlotChanges } = await import("./lib/scheduler/slot-change-subscribers");
  subscribeToSlotChanges();
  const { startSchedulerForServer } = await import("./lib/scheduler/server-lifecycle");
  startSchedulerForServer();
}
