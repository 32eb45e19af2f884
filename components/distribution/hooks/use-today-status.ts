"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchTodayStatus } from "./fetch-today-status";
import { pollIntervalMs } from "../logic/poll-interval";
import { distributionKeys } from "../query-keys";

/**
 * Today's day, polled while the tab is visible: every 2 s while a slot runs or is due within a
 * minute, every 10 s otherwise, never while paused. The interval is asked again after each
 * fetch, and a poll never starts while the previous one is still in flight. A poll of an
 * unchanged day is a 304 that keeps the data (and so renders nothing).
 */
export const useTodayStatus = (options: { paused: boolean }) => {
  const client = useQueryClient();
  return useQuery({
    queryKey: distributionKeys.todayStatus(),
    queryFn: () => fetchTodayStatus(client),
    // A 200 is a changed day (an unchanged one is a 304): no deep comparison with the old data.
    structuralSharing: false,
    refetchInterval: (query) =>
      pollIntervalMs({
        status: query.state.data,
        now: Date.now(),
        paused: options.paused,
        visible: typeof document === "undefined" || document.visibilityState === "visible",
      }),
    refetchIntervalInBackground: false,
  });
};
