import { db } from "@/lib/db/client";
import { apiKeyView } from "./api-key-view";

/** Every key, newest first, revoked ones included (they stay as the record of who could do what). */
export async function listApiKeys() {
  const rows = await db().apiKey.findMany({ orderBy: { id: "desc" } });
  return { apiKeys: rows.map(apiKeyView) };
}
