"use client";

import { ShieldCheckIcon, ShieldIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useStepUpStatus } from "../hooks/use-step-up-status";
import { formatCountdown } from "../logic/format";
import { useCountdown } from "./use-countdown";

/** "Verified, 4:32 left" while this session's 2FA step-up window is open. */
export function StepUpIndicator() {
  const { data } = useStepUpStatus();
  const until = data?.verifiedUntil ? Date.parse(data.verifiedUntil) : null;
  const left = useCountdown(until);
  if (!data?.twoFactorEnabled) return null;
  if (left === null || left <= 0) {
    return (
      <Badge tone="outline" data-testid="step-up">
        <ShieldIcon aria-hidden />
        Changes ask for a code
      </Badge>
    );
  }
  return (
    <Badge tone="success" data-testid="step-up" role="status">
      <ShieldCheckIcon aria-hidden />
      Verified, {formatCountdown(left)} left
    </Badge>
  );
}
