"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { distributionApi, postJson } from "../api";
import type { AddSlotsBody } from "../logic/request-bodies";
import { afterChange, withCode, type ChangeResult, type ChangeVariables } from "./mutation-result";

/** POST /today/add-slots: only new slots (seed 001 option 2). */
export function useAddSlots() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: ChangeVariables<AddSlotsBody>) =>
      postJson<ChangeResult>(`${distributionApi}/today/add-slots`, withCode(variables)),
    onSuccess: (result) => afterChange(client, result),
  });
}
