"use client";

import { useQuery } from "@tanstack/react-query";
import type { listAuditLog } from "@/lib/audit/list-audit-log";
import { getJson } from "../api";
import { entriesOfSlot } from "../logic/slot-audit";
import { distributionKeys } from "../query-keys";

export type AuditPage = Awaited<ReturnType<typeof listAuditLog>>;

/**
 * The audit entries of one slot of one day, for the slot sheet. The log is asked for that day
 * and slot; what comes back is filtered again here, so a server that does not
 * filter yet still shows only entries that are about this slot.
 */
export const useSlotAudit = (slot: { date: string; slotNumber: number; timeZone: string }, enabled: boolean) =>
  useQuery({
    queryKey: distributionKeys.slotAudit(slot.date, slot.slotNumber),
    queryFn: async () => {
      const page = await getJson<AuditPage>(`/api/admin/audit-log?date=${slot.date}&slot=${slot.slotNumber}&pageSize=200`);
      return entriesOfSlot(page.entries, slot);
    },
    enabled,
  });
