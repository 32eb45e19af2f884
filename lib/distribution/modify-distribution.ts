import type { AuditActor } from "@/lib/audit/record-audit";
import { changeToday } from "./change-today";
import type { DistributionSettings } from "./settings-store";
import { planModify } from "./plan-modify";
import type { ModifyRequest } from "./schemas";

export function modifyDistribution(options: {
  actor: AuditActor & { id: number };
  request: ModifyRequest;
  expectedVersion?: number | null;
  /** The settings the route's precheck read. */
  settings?: DistributionSettings;
  now?: Date;
}) {
  return changeToday({
    actor: options.actor,
    action: "distribution.modify",
    now: options.now,
    settings: options.settings,
    date: options.request.date,
    expectedVersion: options.expectedVersion ?? options.request.expectedVersion,
    plan: (day, context) => planModify(day, options.request, context),
    describe: () => "Distribution modified successfully",
  });
}
