import type { AuditActor } from "@/lib/audit/record-audit";
import { changeToday } from "./change-today";
import type { DistributionSettings } from "./settings-store";
import { planQueue } from "./plan-queue";
import type { QueueRequest } from "./schemas";

export function queueDistribution(options: {
  actor: AuditActor & { id: number };
  request: QueueRequest;
  /** The day version the client saw (from the body or If-Match). */
  expectedVersion?: number | null;
  /** The settings the route's precheck read. */
  settings?: DistributionSettings;
  now?: Date;
}) {
  return changeToday({
    actor: options.actor,
    action: "distribution.queue",
    now: options.now,
    settings: options.settings,
    date: options.request.date,
    expectedVersion: options.expectedVersion ?? options.request.expectedVersion,
    plan: (day, context) => planQueue(day, options.request, context),
    describe: (before, after) => {
      if (!before) return "Distribution queued successfully";
      const added = after.slots.length - before.slots.length;
      return added > 0 ? `Distribution updated: ${added} new slot(s) added` : "Distribution updated";
    },
  });
}
