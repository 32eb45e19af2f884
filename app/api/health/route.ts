import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { json } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// GET /api/health – 200 when the database answers
export const GET = route({ access: "public" }, async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: "ok", database: "up" };
  } catch {
    return json({ status: "unavailable", database: "down" }, 503);
  }
});
