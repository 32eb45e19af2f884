import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { apiKeyView } from "./api-key-view";

/** Revokes a key for good (at once on every instance: each request looks its key up). Revoking twice is a no-op. */
export async function revokeApiKey(options: { actor: AuditActor; id: number; now?: Date }) {
  const now = options.now ?? new Date();
  const row = await db().$transaction(async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { id: options.id } });
    if (!existing) throw new AppError("NOT_FOUND", `No API key ${options.id}`);
    if (existing.revokedAt) return existing;
    const revoked = await tx.apiKey.update({ where: { id: options.id }, data: { revokedAt: now } });
    await recordAudit(
      {
        actor: options.actor,
        action: "api-key.revoke",
        outcome: "OK",
        before: { id: existing.id, name: existing.name, scopes: existing.scopes },
      },
      tx,
    );
    return revoked;
  });
  return { success: true as const, message: `API key ${row.name} revoked`, apiKey: apiKeyView(row) };
}
