"use client";

import { useQueries } from "@tanstack/react-query";
import type { previewDistribution } from "@/lib/distribution/preview-distribution";
import { distributionApi, getJson } from "../api";
import { distributionKeys } from "../query-keys";

export type Preview = Awaited<ReturnType<typeof previewDistribution>>;

/** GET /preview for each distinct ROS % (one request per value, shared by every row that has it). */
export function useSlotPreviews(rosPercentages: number[]): Map<number, Preview> {
  const distinct = [...new Set(rosPercentages.filter((value) => Number.isFinite(value) && value > 0))].sort((a, b) => a - b);
  const results = useQueries({
    queries: distinct.map((ros) => ({
      queryKey: distributionKeys.preview(ros),
      queryFn: () => getJson<Preview>(`${distributionApi}/preview?rosPercentage=${encodeURIComponent(String(ros))}`),
      staleTime: 30_000,
      retry: false,
    })),
  });
  const previews = new Map<number, Preview>();
  results.forEach((result, index) => {
    if (result.data) previews.set(distinct[index], result.data);
  });
  return previews;
}
