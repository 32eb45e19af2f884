import { CheckCircle2Icon, ClockIcon, LoaderCircleIcon, XCircleIcon, type LucideIcon } from "lucide-react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { SlotStatus } from "@/lib/distribution/slot-status";
import { statusLabels } from "../logic/format";

const look: Record<SlotStatus, { Icon: LucideIcon; tone: BadgeProps["tone"]; spin?: boolean }> = {
  PENDING: { Icon: ClockIcon, tone: "info" },
  EXECUTING: { Icon: LoaderCircleIcon, tone: "warning", spin: true },
  COMPLETED: { Icon: CheckCircle2Icon, tone: "success" },
  FAILED: { Icon: XCircleIcon, tone: "danger" },
};

/** A slot's or a day's status: icon and word, so it never rests on colour alone. */
export function StatusBadge({ status, className }: { status: SlotStatus; className?: string }) {
  const { Icon, tone, spin } = look[status];
  return (
    <Badge tone={tone} className={className} data-status={status}>
      <Icon aria-hidden className={spin ? "motion-safe:animate-spin" : undefined} />
      {statusLabels[status]}
    </Badge>
  );
}
