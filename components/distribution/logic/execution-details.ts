import { z } from "zod";
import type { DistributionStatus } from "@/lib/distribution/status-view";

// A slot's executionDetails is JSON the server writes (lib/distribution/execution/pay-slot.ts and
// fail-slot.ts) and types as unknown; it is parsed here, leniently, rather than assumed.

const poolStats = z.object({ qualifiedUsers: z.number(), totalDistributed: z.number() });

const executionDetails = z.object({
  executedAt: z.string().optional(),
  completedAt: z.string().optional(),
  failedAt: z.string().optional(),
  attempt: z.number().optional(),
  error: z.string().optional(),
  rosStats: z.object({ processedStakes: z.number(), totalDistributed: z.number() }).optional(),
  premiumPoolStats: poolStats.optional(),
  performancePoolStats: poolStats.optional(),
});
export type ExecutionDetails = z.infer<typeof executionDetails>;

export type StatusSlot = DistributionStatus["distributionSlots"][number];

export function executionDetailsOf(slot: StatusSlot): ExecutionDetails | null {
  const parsed = executionDetails.safeParse(slot.executionDetails);
  return parsed.success ? parsed.data : null;
}

/** How long the slot's payout took, in ms, when both ends are known. */
export function durationMsOf(details: ExecutionDetails | null): number | null {
  const end = details?.completedAt ?? details?.failedAt;
  if (!details?.executedAt || !end) return null;
  const ms = Date.parse(end) - Date.parse(details.executedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

const attemptRecord = z.object({
  attempt: z.number(),
  startedAt: z.string(),
  endedAt: z.string().nullable().optional(),
  outcome: z.enum(["COMPLETED", "FAILED", "LEASE_EXPIRED", "MISSED"]),
  error: z.string().optional(),
});
export type AttemptRecord = z.infer<typeof attemptRecord>;

/** Every attempt of the slot, or null when the server does not send them yet. */
export function attemptHistoryOf(slot: StatusSlot): AttemptRecord[] | null {
  if (!("attemptHistory" in slot)) return null;
  const parsed = z.array(attemptRecord).safeParse(slot.attemptHistory);
  return parsed.success ? parsed.data : null;
}
