import type { AuditFilters } from "./audit-filters";

// TanStack Query keys of the audit log screens.
export const auditKeys = {
  all: ["audit-log"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, "list", filters] as const,
};
