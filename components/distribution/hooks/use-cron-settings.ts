"use client";

import { useQuery } from "@tanstack/react-query";
import type { settingsView } from "@/lib/distribution/settings-view";
import { distributionApi, getJson } from "../api";
import { distributionKeys } from "../query-keys";

export type CronSettings = ReturnType<typeof settingsView>;

/** The schedule settings: the board takes a new slot's default time from them. */
export const useCronSettings = () =>
  useQuery({
    queryKey: distributionKeys.settings(),
    queryFn: () => getJson<CronSettings>(`${distributionApi}/cron-settings`),
    staleTime: 60_000,
  });
