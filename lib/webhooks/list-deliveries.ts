import { z } from "zod";
import type { DbExecutor } from "@/lib/db/client";
import { blankAsAbsent } from "@/lib/http/query-fields";

export const deliveryStates = ["PENDING", "DELIVERED", "GIVEN_UP"] as const;

export const deliveriesQuery = z.object({
  state: blankAsAbsent(z.enum(deliveryStates, { message: `state must be one of ${deliveryStates.join(", ")}` })),
  limit: blankAsAbsent(
    z
      .string()
      .regex(/^[1-9]\d{0,2}$/, "limit must be a whole number from 1 to 200")
      .transform(Number)
      .pipe(z.number().max(200, "limit must be at most 200")),
  ),
});

const stateOf = (row: { deliveredAt: Date | null; givenUpAt: Date | null }) =>
  row.deliveredAt ? "DELIVERED" : row.givenUpAt ? "GIVEN_UP" : "PENDING";

/** GET /webhook-deliveries: the newest slot messages and where each delivery stands (newest first). */
export async function listDeliveries(options: { db: DbExecutor; state?: (typeof deliveryStates)[number]; limit?: number }) {
  const where =
    options.state === "DELIVERED"
      ? { deliveredAt: { not: null } }
      : options.state === "GIVEN_UP"
        ? { givenUpAt: { not: null } }
        : options.state === "PENDING"
          ? { deliveredAt: null, givenUpAt: null }
          : {};
  const rows = await options.db.outboxMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }, { target: "asc" }],
    take: options.limit ?? 50,
  });
  return {
    deliveries: rows.map((row) => ({
      id: row.id,
      target: row.target,
      type: row.eventType,
      slotId: row.slotId,
      state: stateOf(row),
      attempts: row.attempts,
      createdAt: row.createdAt.toISOString(),
      lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: row.deliveredAt || row.givenUpAt ? null : row.nextAttemptAt.toISOString(),
      lastStatus: row.lastStatus,
      lastError: row.lastError,
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      givenUpAt: row.givenUpAt?.toISOString() ?? null,
      body: JSON.parse(row.body) as unknown,
    })),
  };
}
