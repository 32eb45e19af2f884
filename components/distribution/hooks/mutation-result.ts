import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { changeToday } from "@/lib/distribution/change-today";
import { distributionApi, postJson } from "../api";
import { accountKeys, distributionKeys } from "../query-keys";

/** What every change of today's day answers: `{success, message, distribution}` (SPEC §5). */
export type ChangeResult = Awaited<ReturnType<typeof changeToday>>;

/** A change's variables: the request body, and the 2FA code once the server asked for one. */
export type ChangeVariables<TBody> = { body: TBody; twoFactorCode?: string };

export const withCode = <TBody extends object>({ body, twoFactorCode }: ChangeVariables<TBody>) =>
  twoFactorCode ? { ...body, twoFactorCode } : body;

/** The answer carries the day as it is now: shown at once; the step-up window may have opened. */
export function afterChange(client: QueryClient, result: ChangeResult) {
  client.setQueryData(distributionKeys.todayStatus(), result.distribution);
  void client.invalidateQueries({ queryKey: accountKeys.stepUp() });
  void client.invalidateQueries({ queryKey: [...distributionKeys.all, "audit"] });
}

/** A change of today's day posted to `path` under the distribution API, with the day it answers shown at once. */
export function useDayChange<TBody extends object>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: ChangeVariables<TBody>) => postJson<ChangeResult>(`${distributionApi}/${path}`, withCode(variables)),
    onSuccess: (result) => afterChange(client, result),
  });
}
