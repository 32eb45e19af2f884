import { CircleCheckIcon, CircleDashedIcon, CircleXIcon, LoaderCircleIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { SlotStatus } from "@/lib/distribution/slot-status";

const statuses = {
  PENDING: { label: "Pending", tone: "neutral", Icon: CircleDashedIcon },
  EXECUTING: { label: "Executing", tone: "info", Icon: LoaderCircleIcon },
  COMPLETED: { label: "Completed", tone: "success", Icon: CircleCheckIcon },
  FAILED: { label: "Failed", tone: "danger", Icon: CircleXIcon },
} as const;

export const slotStatusLabel = (status: SlotStatus) => statuses[status].label;

/** A slot's or a day's status: icon and word, never colour alone. */
export function SlotStatusBadge({ status }: { status: SlotStatus }) {
  const { label, tone, Icon } = statuses[status];
  return (
    <Badge tone={tone}>
      <Icon aria-hidden />
      {label}
    </Badge>
  );
}
