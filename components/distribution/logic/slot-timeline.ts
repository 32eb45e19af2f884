import type { DistributionStatus } from "@/lib/distribution/status-view";
import { attemptHistoryOf, executionDetailsOf, type StatusSlot } from "./execution-details";
import type { AuditLogEntry } from "./slot-audit";

export type TimelineEvent = { at: string; label: string; detail?: string; tone: "neutral" | "success" | "danger" | "warning" };

const outcomeLabel = { COMPLETED: "completed", FAILED: "failed", LEASE_EXPIRED: "lease expired", MISSED: "missed" } as const;

const auditLabel = (entry: AuditLogEntry) => {
  const verb: Record<string, string> = {
    "distribution.queue": "Queued",
    "distribution.modify": "Changed",
    "distribution.add-slots": "Added",
    "distribution.retry": "Retried",
    "slot.execute": "Executed",
    "slot.missed": "Missed",
  };
  return `${verb[entry.action] ?? entry.action}${entry.outcome === "OK" ? "" : ` (${entry.outcome.toLowerCase()})`}`;
};

/**
 * A slot's story, oldest first: queued, scheduled, each attempt claimed and how it ended
 * (attemptHistory when the server sends it, else the last run's executionDetails), and the
 * audit entries about it (who changed or retried it).
 */
export function slotTimeline(status: DistributionStatus, slot: StatusSlot, audit: AuditLogEntry[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (status.data?.queuedAt) events.push({ at: status.data.queuedAt, label: "Day queued", tone: "neutral" });
  events.push({ at: slot.scheduledFor, label: "Scheduled time", tone: "neutral" });
  // Slots imported from the legacy system have no attempts on record: their details tell the story.
  const history = attemptHistoryOf(slot);
  if (history && history.length > 0) {
    for (const attempt of history) {
      events.push({ at: attempt.startedAt, label: `Attempt ${attempt.attempt} claimed`, tone: "neutral" });
      if (attempt.endedAt) {
        events.push({
          at: attempt.endedAt,
          label: `Attempt ${attempt.attempt} ${outcomeLabel[attempt.outcome]}`,
          detail: attempt.error,
          tone: attempt.outcome === "COMPLETED" ? "success" : "danger",
        });
      }
    }
  } else {
    const details = executionDetailsOf(slot);
    const attempt = details?.attempt ? ` (attempt ${details.attempt})` : "";
    if (details?.executedAt) events.push({ at: details.executedAt, label: `Claimed${attempt}`, tone: "neutral" });
    if (details?.completedAt) events.push({ at: details.completedAt, label: "Completed", tone: "success" });
    if (slot.status === "FAILED") {
      events.push({
        at: details?.failedAt ?? details?.executedAt ?? slot.scheduledFor,
        label: "Failed",
        detail: details?.error,
        tone: "danger",
      });
    }
  }
  for (const entry of audit) {
    events.push({
      at: entry.at,
      label: auditLabel(entry),
      detail: [entry.actor?.email, entry.reason].filter(Boolean).join(" · ") || undefined,
      tone: entry.outcome === "OK" ? "neutral" : entry.outcome === "FAILED" ? "danger" : "warning",
    });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
