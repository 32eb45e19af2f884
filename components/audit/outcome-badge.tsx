import { BanIcon, CircleCheckIcon, CircleXIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const outcomes = {
  OK: { label: "OK", tone: "success", Icon: CircleCheckIcon },
  REFUSED: { label: "Refused", tone: "warning", Icon: BanIcon },
  FAILED: { label: "Failed", tone: "danger", Icon: CircleXIcon },
} as const;

/** An audit entry's outcome: icon and word, never colour alone. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const known = outcomes[outcome as keyof typeof outcomes];
  if (!known) return <Badge tone="outline">{outcome}</Badge>;
  return (
    <Badge tone={known.tone}>
      <known.Icon aria-hidden />
      {known.label}
    </Badge>
  );
}
