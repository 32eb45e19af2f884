"use client";

import { useQuery } from "@tanstack/react-query";
import type { StepUpStatus } from "@/lib/auth/step-up-status";
import { getJson } from "../api";
import { accountKeys } from "../query-keys";

/** Whether this session's 2FA step-up window is open (GET /api/account/step-up). */
export const useStepUpStatus = () =>
  useQuery({ queryKey: accountKeys.stepUp(), queryFn: () => getJson<StepUpStatus>("/api/account/step-up"), staleTime: 30_000 });
