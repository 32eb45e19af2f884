import type { QueryClient } from "@tanstack/react-query";
import type { DistributionStatus } from "@/lib/distribution/status-view";
import { distributionApi, getJsonRevalidated } from "../api";
import { distributionKeys } from "../query-keys";

/** Today's status, revalidated against what the query holds: an unchanged day answers 304 and keeps it. */
export const fetchTodayStatus = (client: QueryClient) =>
  getJsonRevalidated<DistributionStatus>(
    `${distributionApi}/today/status`,
    client.getQueryData<DistributionStatus>(distributionKeys.todayStatus()),
  );
