"use client";

import { useQuery } from "@tanstack/react-query";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { distributionApi, getJson } from "../api";
import { pollIntervalMs } from "../logic/poll-interval";
import { distributionKeys } from "../query-keys";

/**
 * Today's day, polled while the tab is visible: every 2 s while a slot runs or is due within a
 * minute, every 10 s otherwise, never while paused. The interval is asked again after each
 * fetch, and a poll never starts while the previous one is still in flight.
 */
export const useTodayStatus = (options: { paused: boolean }) =>
  useQuery({
    queryKey: distributionKeys.todayStatus(),
    queryFn: () => getJson<DistributionStatus>(`${distributionApi}/today/status`),
    refetchInterval: (query) =>
      pollIntervalMs({
        status: query.state.data,
        now: Date.now(),
        paused: options.paused,
        visible: typeof document === "undefined" || document.visibilityState === "visible",
      }),
    refetchIntervalInBackground: false,
  });
