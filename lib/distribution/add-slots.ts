import type { AuditActor } from "@/lib/audit/record-audit";
import { changeToday } from "./change-today";
import type { DistributionSettings } from "./settings-store";
import { planAddSlots } from "./plan-add-slots";
import type { AddSlotsRequest } from "./schemas";

export function addSlots(options: {
  actor: AuditActor & { id: number };
  request: AddSlotsRequest;
  expectedVersion?: number | null;
  /** The settings the route's precheck read. */
  settings?: DistributionSettings;
  now?: Date;
}) {
  const count = options.request.additionalSlots.length;
  return changeToday({
    actor: options.actor,
    action: "distribution.add-slots",
    now: options.now,
    settings: options.settings,
    date: options.request.date,
    expectedVersion: options.expectedVersion ?? options.request.expectedVersion,
    plan: (day, context) => planAddSlots(day, options.request, context),
    describe: () => `Successfully added ${count} new slot(s)`,
  });
}
