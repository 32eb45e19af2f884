import { auditLogQuery } from "@/lib/audit/audit-log-query";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/audit-log?page=&pageSize=&action=&outcome=&actor=&from=&to=&date=&slot= – who changed what, when
export const GET = route({ access: "signed-in", query: auditLogQuery }, ({ query }) => listAuditLog(query));
