import { GET as auditLogRoute } from "@/app/api/admin/audit-log/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/admin/daily-declaration-returns/cron-settings/route";
import { GET as dayRoute } from "@/app/api/admin/daily-declaration-returns/days/[date]/route";
import { GET as historyRoute } from "@/app/api/admin/daily-declaration-returns/history/route";
import { POST as modifyRoute } from "@/app/api/admin/daily-declaration-returns/modify/route";
import { GET as previewRoute } from "@/app/api/admin/daily-declaration-returns/preview/route";
import { POST as queueRoute } from "@/app/api/admin/daily-declaration-returns/queue/route";
import { POST as retryRoute } from "@/app/api/admin/daily-declaration-returns/slots/[slotNumber]/retry/route";
import { POST as addSlotsRoute } from "@/app/api/admin/daily-declaration-returns/today/add-slots/route";
import { GET as statusRoute } from "@/app/api/admin/daily-declaration-returns/today/status/route";
import { apiBase, apiRequest, callRoute } from "./http";

type Query = Record<string, string>;
const withQuery = (path: string, query: Query = {}) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

/** Every admin route of SPEC §5, called as `cookie`'s session (anonymous when undefined). */
export function clientFor(cookie?: string) {
  type Headers = Record<string, string>;
  const post = (path: string, body: unknown, headers?: Headers) => apiRequest(path, { method: "POST", cookie, body, headers });
  return {
    queue: (body: unknown, headers?: Headers) => queueRoute(post(`${apiBase}/queue`, body, headers)),
    modify: (body: unknown, headers?: Headers) => modifyRoute(post(`${apiBase}/modify`, body, headers)),
    addSlots: (body: unknown, headers?: Headers) => addSlotsRoute(post(`${apiBase}/today/add-slots`, body, headers)),
    retry: (slotNumber: number | string, body: unknown = {}, headers?: Headers) =>
      callRoute(retryRoute, post(`${apiBase}/slots/${slotNumber}/retry`, body, headers), { slotNumber: String(slotNumber) }),
    status: () => statusRoute(apiRequest(`${apiBase}/today/status`, { cookie })),
    day: (date: string) => callRoute(dayRoute, apiRequest(`${apiBase}/days/${date}`, { cookie }), { date }),
    preview: (query?: Query) => previewRoute(apiRequest(withQuery(`${apiBase}/preview`, query), { cookie })),
    history: (query?: Query) => historyRoute(apiRequest(withQuery(`${apiBase}/history`, query), { cookie })),
    settings: () => getSettingsRoute(apiRequest(`${apiBase}/cron-settings`, { cookie })),
    putSettings: (body: unknown) => putSettingsRoute(apiRequest(`${apiBase}/cron-settings`, { method: "PUT", cookie, body })),
    auditLog: (query?: Query) => auditLogRoute(apiRequest(withQuery("/api/admin/audit-log", query), { cookie })),
  };
}

export type ApiClient = ReturnType<typeof clientFor>;

export const routeHandlers = {
  queue: queueRoute,
  modify: modifyRoute,
  addSlots: addSlotsRoute,
  retry: retryRoute,
  status: statusRoute,
  day: dayRoute,
  preview: previewRoute,
  history: historyRoute,
  getSettings: getSettingsRoute,
  putSettings: putSettingsRoute,
  auditLog: auditLogRoute,
};
