import { fromUnits, toUnits } from "@/lib/distribution/money";

export type SlotEventType = "slot.completed" | "slot.failed";

/** What the outbox knows about a slot that just ended, read in the transaction that ended it. */
export type SlotEnd = {
  date: string;
  slotNumber: number;
  status: "COMPLETED" | "FAILED";
  scheduledFor: Date;
  details: { executedAt?: string; completedAt?: string; failedAt?: string; attempt?: number; error?: string } | null;
  stakesPaid: number;
  rosTotal: string;
  premiumPaid: string;
  performancePaid: string;
};

const canonical = (amount: string) => fromUnits(toUnits(amount));

/** The message body (Standard Webhooks' {type, timestamp, data}); amounts are exact decimal strings ("3", "33.00749999"). */
export function slotMessage(end: SlotEnd) {
  const type: SlotEventType = end.status === "COMPLETED" ? "slot.completed" : "slot.failed";
  const endedAt = end.details?.completedAt ?? end.details?.failedAt ?? new Date().toISOString();
  const totalPaid = fromUnits(toUnits(end.rosTotal) + toUnits(end.premiumPaid) + toUnits(end.performancePaid));
  return {
    type,
    timestamp: endedAt,
    data: {
      day: { date: end.date },
      slot: {
        number: end.slotNumber,
        status: end.status,
        scheduledFor: end.scheduledFor.toISOString(),
        executedAt: end.details?.executedAt ?? null,
        endedAt,
        attempt: end.details?.attempt ?? null,
      },
      totals: {
        stakesPaid: end.stakesPaid,
        totalRos: canonical(end.rosTotal),
        premiumPoolPaid: canonical(end.premiumPaid),
        performancePoolPaid: canonical(end.performancePaid),
        totalPaid,
      },
      ...(end.status === "FAILED" ? { error: end.details?.error ?? "" } : {}),
    },
  };
}

export type SlotMessage = ReturnType<typeof slotMessage>;
