"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { distributionApi, postJson } from "../api";
import type { QueueBody } from "../logic/request-bodies";
import { afterChange, withCode, type ChangeResult, type ChangeVariables } from "./mutation-result";

/** POST /queue: queue today's day, or merge into it (seed 001 option 1). */
export function useQueueDistribution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: ChangeVariables<QueueBody>) => postJson<ChangeResult>(`${distributionApi}/queue`, withCode(variables)),
    onSuccess: (result) => afterChange(client, result),
  });
}
