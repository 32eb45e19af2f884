"use client";

import { useQuery } from "@tanstack/react-query";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { distributionKeys } from "./query-keys";

async function fetchTodayStatus(): Promise<DistributionStatus> {
  const response = await fetch("/api/admin/daily-declaration-returns/today/status", { cache: "no-store" });
  if (!response.ok) throw new Error(`Status request failed (${response.status})`);
  return response.json() as Promise<DistributionStatus>;
}

/** Today's day, refreshed every few seconds so running slots are seen as they move. */
export const useTodayStatus = () =>
  useQuery({ queryKey: distributionKeys.todayStatus(), queryFn: fetchTodayStatus, refetchInterval: 5_000 });
