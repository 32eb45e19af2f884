import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { SlotStatus } from "@/lib/distribution/slot-status";

export const statusLabels: Record<SlotStatus, string> = {
  PENDING: "Pending",
  EXECUTING: "Executing",
  COMPLETED: "Completed",
  FAILED: "Failed",
};

const statusOrder: readonly SlotStatus[] = ["PENDING", "EXECUTING", "COMPLETED", "FAILED"];

/** Seed 000's overview line: "3 Pending, 1 Executing, 5 Completed, 0 Failed". */
export const countsInWords = (counts: Record<SlotStatus, number>) => statusOrder.map((s) => `${counts[s]} ${statusLabels[s]}`).join(", ");

/** "HH:mm:ss" of an instant on the wall clock of a time zone (DST-aware). */
export const timeInZone = (iso: string, timeZone: string) => format(new TZDate(iso, timeZone), "HH:mm:ss");

/** "2026-02-13 08:00:05" of an instant in a time zone. */
export const dateTimeInZone = (iso: string, timeZone: string) => format(new TZDate(iso, timeZone), "yyyy-MM-dd HH:mm:ss");

/** "UTC+01:00"-style offset name of the zone at that instant. */
export const offsetNameAt = (iso: string, timeZone: string) => format(new TZDate(iso, timeZone), "'UTC'xxx");

/** The zone the browser runs in. */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const amountFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 8 });
export const formatAmount = (value: number) => amountFormat.format(value);

/** "4:32", "1:02:03": what is left of a countdown; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "in 4 min 32 s" / "now": a slot's wait in words for the overview. */
export function waitInWords(ms: number): string {
  if (ms <= 0) return "due now";
  const total = Math.ceil(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  if (h > 0) return `in ${h} h ${m} min`;
  if (m > 0) return `in ${m} min ${s} s`;
  return `in ${s} s`;
}
