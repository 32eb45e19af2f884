import type { DistributionStatus } from "@/lib/distribution/status-view";

/**
 * The day's version, when the server sends one. Older servers send none; then
 * no expectedVersion goes with a change and the server does not check for lost updates.
 */
export function versionOf(status: DistributionStatus | undefined): number | undefined {
  if (!status || !("version" in status)) return undefined;
  const version: unknown = status.version;
  return typeof version === "number" && Number.isInteger(version) ? version : undefined;
}
