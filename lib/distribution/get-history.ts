import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { loadSettings } from "./settings-store";
import { statusView } from "./status-view";
import { calendarDateIn } from "./time-zone";

const dayMs = 86_400_000;
const maxSpanDays = 366;
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

type SlotTotals = {
  rosStats?: { processedStakes?: number; totalDistributed?: number };
  premiumPoolStats?: { totalDistributed?: number };
  performancePoolStats?: { totalDistributed?: number };
};

/** GET /history: days from..to (default the last 30), newest first, with their slots and totals. */
export async function getHistory(options: { from?: string; to?: string; now?: Date }) {
  const settings = await loadSettings(db());
  const to = options.to ?? calendarDateIn(options.now ?? new Date(), settings.timeZone);
  const from = options.from ?? shiftDate(to, -30);
  if (Date.parse(to) - Date.parse(from) > maxSpanDays * dayMs) {
    throw new AppError("VALIDATION", `History covers at most ${maxSpanDays} days at a time`);
  }
  const days = await db().day.findMany({
    where: { date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } },
    include: { slots: { orderBy: { slotNumber: "asc" } } },
    orderBy: { date: "desc" },
  });
  return {
    from,
    to,
    timeZone: settings.timeZone,
    days: days.map((day) => {
      const date = day.date.toISOString().slice(0, 10);
      const details = day.slots.map((slot) => (slot.executionDetails ?? {}) as SlotTotals);
      const sum = (pick: (d: SlotTotals) => number | undefined) => details.reduce((total, d) => total + (pick(d) ?? 0), 0);
      return {
        ...statusView(day, { date, timeZone: settings.timeZone }),
        totals: {
          processedStakes: sum((d) => d.rosStats?.processedStakes),
          rosDistributed: sum((d) => d.rosStats?.totalDistributed),
          premiumDistributed: Number(day.premiumPoolPaid),
          performanceDistributed: Number(day.performancePoolPaid),
        },
      };
    }),
  };
}
