import type { z } from "zod";
import { unstorableReason } from "@/lib/http/storable-text";
import { plainStakeRow } from "./plain-stake-row";
import { memberRows, stakeRows, type MemberRow, type RowError, type StakeRow } from "./row-schemas";
import type { BulkKind } from "./staging-sql";

type RowOf = { members: MemberRow; stakes: StakeRow };
const schemas = { members: memberRows.element, stakes: stakeRows.element } as const;

function issueToRowError(row: number, issue: z.core.$ZodIssue): RowError {
  if (issue.code === "unrecognized_keys") return { row, field: issue.keys[0] ?? null, message: `unknown field ${issue.keys.join(", ")}` };
  const field = issue.path[0];
  return { row, field: field === undefined ? null : String(field), message: issue.message };
}

function unstorableField(raw: unknown): RowError["field"] | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (unstorableReason(key)) return null;
    if (typeof value === "string" && unstorableReason(value)) return key;
  }
  return undefined;
}

/** One row checked against its schema: the parsed row, or every reason it is refused. */
export function parseRow<K extends BulkKind>(
  kind: K,
  raw: unknown,
  row: number,
): { ok: true; value: RowOf[K] } | { ok: false; errors: RowError[] } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, errors: [{ row, field: null, message: "a row must be a JSON object" }] };
  const plain = kind === "stakes" ? plainStakeRow(raw as Record<string, unknown>) : null;
  if (plain) return { ok: true, value: plain as RowOf[K] };
  const unstorable = unstorableField(raw);
  if (unstorable !== undefined)
    return { ok: false, errors: [{ row, field: unstorable, message: "contains a control character or a lone surrogate" }] };
  const result = schemas[kind].safeParse(raw);
  if (result.success) return { ok: true, value: result.data as RowOf[K] };
  return { ok: false, errors: result.error.issues.map((issue) => issueToRowError(row, issue)) };
}

/** The staging columns of a parsed row, in staging-sql.ts's order after row_no. */
export function stagingValues(kind: BulkKind, value: MemberRow | StakeRow): (string | null)[] {
  if (kind === "members") {
    const member = value as MemberRow;
    return [member.externalId, member.email, member.name, member.performanceScore];
  }
  const stake = value as StakeRow;
  return [stake.externalId, stake.memberExternalId, stake.principal, stake.status, stake.startedAt, stake.endedAt ?? null];
}
