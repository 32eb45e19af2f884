/** One ledger entry of a day's payout export, as every export format writes it. */
export type PayoutRow = {
  date: string;
  slotNumber: number;
  scheduledFor: string;
  kind: "ROS" | "PREMIUM_POOL" | "PERFORMANCE_POOL";
  userId: number;
  userEmail: string;
  /** The paid stake for ROS; pool shares are paid to a user, not a stake. */
  stakeId: number | null;
  /** Exact decimal text with the ledger's 8 places, e.g. "15.00000000". */
  amount: string;
};

/** The slots an export covers, in slot number order. */
export type PayoutExportScope = {
  date: string;
  slots: { id: number; slotNumber: number; scheduledFor: string }[];
};

/** Rows of one slot, read in (kind, subject) order: the ledger's primary key order. */
export const slotPayoutsSql = `SELECT l.kind::text AS kind, l.subject_id, l.user_id, u.email, l.amount::text AS amount
  FROM ledger_entries l JOIN users u ON u.id = l.user_id
  WHERE l.slot_id = $1`;

export type SlotPayoutRecord = { kind: PayoutRow["kind"]; subject_id: number; user_id: number; email: string; amount: string };

export function toPayoutRow(scope: PayoutExportScope, slot: PayoutExportScope["slots"][number], record: SlotPayoutRecord): PayoutRow {
  return {
    date: scope.date,
    slotNumber: slot.slotNumber,
    scheduledFor: slot.scheduledFor,
    kind: record.kind,
    userId: record.user_id,
    userEmail: record.email,
    stakeId: record.kind === "ROS" ? record.subject_id : null,
    amount: record.amount,
  };
}
