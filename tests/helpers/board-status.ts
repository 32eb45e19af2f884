import type { SlotStatus } from "@/lib/distribution/slot-status";
import type { DistributionStatus } from "@/lib/distribution/status-view";

// A day as GET /today/status answers it, for the board's pure logic. Slots are given by
// number, status, ROS and UTC time on 2026-02-13 (Europe/Berlin is UTC+1 that day).

type SlotSpec = {
  n: number;
  status: SlotStatus;
  ros?: number;
  at?: string;
  attempts?: number;
  executionDetails?: unknown;
  attemptHistory?: DistributionStatus["distributionSlots"][number]["attemptHistory"];
};

export function boardStatus(
  slots: SlotSpec[],
  options: { version?: number; pools?: [number, number]; paid?: [number, number]; description?: string; exists?: boolean } = {},
): DistributionStatus {
  const exists = options.exists ?? slots.length > 0;
  const counts = { PENDING: 0, EXECUTING: 0, COMPLETED: 0, FAILED: 0 };
  for (const slot of slots) counts[slot.status]++;
  const status: DistributionStatus = {
    exists,
    status: exists
      ? slots.some((s) => s.status === "EXECUTING")
        ? "EXECUTING"
        : slots.some((s) => s.status === "PENDING")
          ? "PENDING"
          : "COMPLETED"
      : null,
    date: "2026-02-13",
    timeZone: "Europe/Berlin",
    version: options.version ?? null,
    data: exists
      ? {
          premiumPoolAmount: options.pools?.[0] ?? 5000,
          performancePoolAmount: options.pools?.[1] ?? 3000,
          description: options.description ?? "Morning",
          queuedAt: "2026-02-13T06:00:00.000Z",
        }
      : null,
    multiSlotEnabled: exists,
    distributionSlots: slots.map((slot) => ({
      slotNumber: slot.n,
      rosPercentage: slot.ros ?? 2.5,
      scheduledFor: slot.at ?? `2026-02-13T${String(6 + slot.n).padStart(2, "0")}:00:00.000Z`,
      status: slot.status,
      attempts: slot.attempts ?? 0,
      executionDetails: slot.executionDetails ?? null,
      attemptHistory: slot.attemptHistory ?? [],
    })),
    counts,
    poolsPaid: { premium: options.paid?.[0] ?? 0, performance: options.paid?.[1] ?? 0 },
  };
  return status;
}
