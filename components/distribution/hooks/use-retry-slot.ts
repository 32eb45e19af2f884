"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { distributionApi, postJson } from "../api";
import { afterChange, type ChangeResult } from "./mutation-result";

type RetryVariables = { slotNumber: number; expectedVersion?: number; twoFactorCode?: string };

/** POST /slots/{n}/retry: a FAILED slot back to PENDING, due now. */
export function useRetrySlot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slotNumber, ...body }: RetryVariables) => postJson<ChangeResult>(`${distributionApi}/slots/${slotNumber}/retry`, body),
    onSuccess: (result) => afterChange(client, result),
  });
}
