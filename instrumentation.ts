// Runs once per server process: starts the embedded scheduler unless Inngest drives execution.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { inngestConfigured } = await import("./inngest/client");
  if (inngestConfigured() || process.env.SLOTPAY_SCHEDULER === "off") return;
  const { startEmbeddedScheduler } = await import("./lib/scheduler/embedded-scheduler");
  startEmbeddedScheduler();
}
