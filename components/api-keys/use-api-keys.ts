"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, postJson } from "@/components/distribution/api";
import { accountKeys } from "@/components/distribution/query-keys";
import type { ApiKeyView } from "@/lib/api-keys/api-key-view";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";

const apiKeysApi = "/api/admin/api-keys";
export const apiKeyQueryKeys = { all: ["api-keys"] as const };

export function useApiKeys() {
  return useQuery({ queryKey: apiKeyQueryKeys.all, queryFn: () => getJson<{ apiKeys: ApiKeyView[] }>(apiKeysApi) });
}

type WithCode<T> = T & { twoFactorCode?: string };
const withCode = <T extends object>({ twoFactorCode, ...body }: WithCode<T>) => (twoFactorCode ? { ...body, twoFactorCode } : body);

/** POST /api/admin/api-keys: the answer holds the key, shown once. */
export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: WithCode<{ name: string; scopes: ApiKeyScope[] }>) =>
      postJson<{ message: string; key: string; apiKey: ApiKeyView }>(apiKeysApi, withCode(variables)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: apiKeyQueryKeys.all });
      void client.invalidateQueries({ queryKey: accountKeys.stepUp() });
    },
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...variables }: WithCode<{ id: number }>) =>
      postJson<{ message: string; apiKey: ApiKeyView }>(`${apiKeysApi}/${id}/revoke`, withCode(variables)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: apiKeyQueryKeys.all });
      void client.invalidateQueries({ queryKey: accountKeys.stepUp() });
    },
  });
}
