"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { distributionApi, postJson } from "../api";
import type { ModifyBody } from "../logic/request-bodies";
import { afterChange, withCode, type ChangeResult, type ChangeVariables } from "./mutation-result";

/** POST /modify: the PENDING part of today's day replaced ("Save changes"). */
export function useModifyDistribution() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: ChangeVariables<ModifyBody>) => postJson<ChangeResult>(`${distributionApi}/modify`, withCode(variables)),
    onSuccess: (result) => afterChange(client, result),
  });
}
