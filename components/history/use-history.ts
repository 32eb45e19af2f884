"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/distribution/api";
import type { getHistory } from "@/lib/distribution/get-history";
import { historyApiUrl, type HistoryRange } from "./history-range";

export type HistoryPage = Awaited<ReturnType<typeof getHistory>>;
export type HistoryDay = HistoryPage["days"][number];

export const historyKeys = {
  all: ["history"] as const,
  range: (range: HistoryRange) => [...historyKeys.all, range] as const,
};

/** Past days of the range, with their slots and totals. */
export const useHistory = (range: HistoryRange) =>
  useQuery({
    queryKey: historyKeys.range(range),
    queryFn: () => getJson<HistoryPage>(historyApiUrl(range)),
    placeholderData: keepPreviousData,
  });
