import { auditLogQuery, auditOutcomes } from "@/lib/audit/audit-log-query";

// The audit log page's filters live in its URL (shareable, survive a refresh), in the same
// names the API takes, so the page's query string is passed on as it is.

export type AuditFilters = {
  action: string;
  outcome: "" | (typeof auditOutcomes)[number];
  actor: string;
  from: string;
  to: string;
  date: string;
  slot: string;
  page: number;
};

export const emptyAuditFilters: AuditFilters = { action: "", outcome: "", actor: "", from: "", to: "", date: "", slot: "", page: 1 };

const textKeys = ["action", "outcome", "actor", "from", "to", "date", "slot"] as const;

/** The filters of a URL; a value the API would refuse is dropped (and named in `dropped`). */
export function auditFiltersFromSearch(search: URLSearchParams): { filters: AuditFilters; dropped: string[] } {
  const filters: AuditFilters = { ...emptyAuditFilters };
  const dropped: string[] = [];
  for (const key of textKeys) {
    const value = search.get(key)?.trim() ?? "";
    if (!value) continue;
    const field = auditLogQuery.safeParse({ [key]: value, ...(key === "slot" ? { date: search.get("date") ?? "" } : {}) });
    if (field.success) (filters as Record<(typeof textKeys)[number], string>)[key] = value;
    else dropped.push(key);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    dropped.push("to");
    filters.to = "";
  }
  const page = Number(search.get("page"));
  filters.page = Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  return { filters, dropped };
}

/** The query string of the filters: empty ones and page 1 left out, in a stable order. */
export function searchOfAuditFilters(filters: AuditFilters): string {
  const search = new URLSearchParams();
  for (const key of textKeys) if (filters[key]) search.set(key, filters[key]);
  if (filters.page > 1) search.set("page", String(filters.page));
  return search.toString();
}

export const auditPageSize = 25;

export function auditLogApiUrl(filters: AuditFilters): string {
  const search = new URLSearchParams(searchOfAuditFilters(filters));
  search.set("pageSize", String(auditPageSize));
  return `/api/admin/audit-log?${search.toString()}`;
}
