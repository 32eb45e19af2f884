/** One ledger entry of a day's payout export, as every export format writes it. */
export type PayoutRow = {
  date: string;
  slotNumber: number;
  scheduledFor: string;
  kind: "ROS" | "PREMIUM_POOL" | "PERFORMANCE_POOL";
  userId: number;
  userEmail: string;
  /** The platform's ids of the member and (ROS) the stake, where they have one. */
  userExternalId: string | null;
  stakeExternalId: string | null;
  /** The paid stake for ROS; pool shares are paid to a user, not a stake. */
  stakeId: number | null;
  /** Exact decimal text with the ledger's 8 places, e.g. "15.00000000". */
  amount: string;
};

/** The slots an export covers, in slot number order, and the one member it is filtered to (if any). */
export type PayoutExportScope = {
  date: string;
  slots: { id: number; slotNumber: number; scheduledFor: string }[];
  userId: number | null;
};

/** Rows of one slot ($1), of one user ($2) or all (null), read in (kind, subject) order: the ledger's primary key order. */
export const slotPayoutsSql = `SELECT l.kind::text AS kind, l.subject_id, l.user_id, u.email, u.external_id AS user_external_id,
    st.external_id AS stake_external_id, l.amount::text AS amount
  FROM ledger_entries l JOIN users u ON u.id = l.user_id LEFT JOIN stakes st ON l.kind = 'ROS' AND st.id = l.subject_id
  WHERE l.slot_id = $1 AND ($2::int IS NULL OR l.user_id = $2::int)`;

export type SlotPayoutRecord = {
  kind: PayoutRow["kind"];
  subject_id: number;
  user_id: number;
  email: string;
  user_external_id: string | null;
  stake_external_id: string | null;
  amount: string;
};

export function toPayoutRow(scope: PayoutExportScope, slot: PayoutExportScope["slots"][number], record: SlotPayoutRecord): PayoutRow {
  return {
    date: scope.date,
    slotNumber: slot.slotNumber,
    scheduledFor: slot.scheduledFor,
    kind: record.kind,
    userId: record.user_id,
    userEmail: record.email,
    userExternalId: record.user_external_id,
    stakeExternalId: record.stake_external_id,
    stakeId: record.kind === "ROS" ? record.subject_id : null,
    amount: record.amount,
  };
}
