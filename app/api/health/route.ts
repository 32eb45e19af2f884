import { databaseAnswers } from "@/lib/db/database-answers";
import { route } from "@/lib/http/route";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// GET /api/health – 200 when the database answers (on its own connections, never behind payouts)
export const GET = route({ access: "public" }, async () => {
  if (await databaseAnswers()) return { status: "ok", database: "up" };
  return json({ status: "unavailable", database: "down" }, 503, { "Retry-After": "5" });
});
