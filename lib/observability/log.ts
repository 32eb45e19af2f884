type Level = "info" | "warn" | "error";

/** One JSON line per event, so a slot's timeline can be followed by its slotId in any log store. */
export function logEvent(event: string, fields: Record<string, unknown> = {}, level: Level = "info"): void {
  if (process.env.SLOTPAY_LOG === "silent") return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}
