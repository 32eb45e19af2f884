import { z } from "zod";
import { inYearRange } from "@/lib/distribution/schemas";
import type { StakeRow } from "./row-schemas";

// A million-row import spends most of its client time in the row schema's machinery. A row whose
// every field is plain text of a form the schema accepts unchanged is taken here in a few regular
// expressions; anything else (a number for the principal, spaces, other characters, a field that
// is wrong) returns null and goes through the schema, which alone words the errors. So this may
// accept less than the schema, never more, and gives what the schema would give.

const stakeFields = new Set(["externalId", "memberExternalId", "principal", "status", "startedAt", "endedAt"]);
const plainId = /^[A-Za-z0-9_.:-]{1,128}$/;
const plainAmount = /^\d{1,12}(?:\.\d{1,8})?$/;
// The pattern z.iso.datetime({ offset: true }) itself tests, so both agree on what an instant is.
const instant = z.core.regexes.datetime({ offset: true, local: false, precision: null });

const isInstant = (value: unknown): value is string => typeof value === "string" && instant.test(value) && inYearRange(value);

/** The row as the stake schema would parse it, or null when only the schema can say. */
export function plainStakeRow(raw: Record<string, unknown>): StakeRow | null {
  for (const key of Object.keys(raw)) if (!stakeFields.has(key)) return null;
  const { externalId, memberExternalId, principal, status, startedAt, endedAt } = raw;
  if (typeof externalId !== "string" || !plainId.test(externalId)) return null;
  if (typeof memberExternalId !== "string" || !plainId.test(memberExternalId)) return null;
  if (typeof principal !== "string" || !plainAmount.test(principal) || !/[1-9]/.test(principal)) return null;
  if (!isInstant(startedAt)) return null;
  if (status === "ACTIVE") {
    if (endedAt !== undefined && endedAt !== null) return null;
    const row: StakeRow = { externalId, memberExternalId, principal, status, startedAt };
    if (endedAt === null) row.endedAt = null;
    return row;
  }
  if (status !== "ENDED" || !isInstant(endedAt) || Date.parse(endedAt) < Date.parse(startedAt)) return null;
  return { externalId, memberExternalId, principal, status, startedAt, endedAt };
}
