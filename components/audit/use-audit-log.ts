"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "@/components/distribution/api";
import type { AuditLogPage } from "@/lib/audit/list-audit-log";
import { auditLogApiUrl, type AuditFilters } from "./audit-filters";
import { auditKeys } from "./query-keys";

/** One page of the audit log for these filters; the last page stays on screen while the next loads. */
export const useAuditLog = (filters: AuditFilters) =>
  useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => getJson<AuditLogPage>(auditLogApiUrl(filters)),
    placeholderData: keepPreviousData,
  });
