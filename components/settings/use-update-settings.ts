"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { distributionApi, putJson } from "@/components/distribution/api";
import { withCode, type ChangeVariables } from "@/components/distribution/hooks/mutation-result";
import { accountKeys, distributionKeys } from "@/components/distribution/query-keys";
import type { ServerSettings, SettingsBody } from "./settings-draft";

export type SettingsResult = { success: true; message: string; settings: ServerSettings };

/** PUT /cron-settings: the answer is the settings as saved; the step-up window may have opened. */
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: ChangeVariables<SettingsBody>) =>
      putJson<SettingsResult>(`${distributionApi}/cron-settings`, withCode(variables)),
    onSuccess: (result) => {
      client.setQueryData(distributionKeys.settings(), result.settings);
      void client.invalidateQueries({ queryKey: accountKeys.stepUp() });
      void client.invalidateQueries({ queryKey: distributionKeys.todayStatus() });
    },
  });
}
