-- The ledger is partitioned by month of the slot's date (decision 024). A slot's rows all share
-- that date, so the key including it still allows one row per (slot, kind, subject).
-- The schema engine runs each statement on its own, so the old rows move in one INSERT … SELECT
-- and the old table is dropped only after it.

-- CreateTable
CREATE TABLE "ledger_archived_months" (
    "month" DATE NOT NULL,
    "partition_name" TEXT NOT NULL,
    "entries" BIGINT NOT NULL,
    "users" INTEGER NOT NULL,
    "amount" DECIMAL NOT NULL,
    "ros_amount" DECIMAL NOT NULL,
    "premium_amount" DECIMAL NOT NULL,
    "performance_amount" DECIMAL NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_archived_months_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "ledger_month_checkpoints" (
    "month" DATE NOT NULL,
    "user_id" INTEGER NOT NULL,
    "amount" DECIMAL NOT NULL,
    "entries" BIGINT NOT NULL,

    CONSTRAINT "ledger_month_checkpoints_pkey" PRIMARY KEY ("month","user_id")
);

ALTER TABLE "ledger_entries" RENAME TO "ledger_entries_unpartitioned";
ALTER TABLE "ledger_entries_unpartitioned" RENAME CONSTRAINT "ledger_entries_pkey" TO "ledger_entries_unpartitioned_pkey";

CREATE TABLE "ledger_entries" (
    "slot_id" INTEGER NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "subject_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "amount" DECIMAL(20,8) NOT NULL,
    "slot_date" DATE NOT NULL,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("slot_id","kind","subject_id","slot_date")
) PARTITION BY RANGE ("slot_date");

-- ledger_month_partition(any day of a month) creates that month's partition unless it exists or
-- the month is archived (archived months stay closed), and returns its name (NULL when archived).
-- The app calls it ahead of time. The body is an E'' string with \073 for its semicolons because
-- the migration runner splits scripts at every semicolon.
CREATE FUNCTION "ledger_month_partition"(month date) RETURNS text LANGUAGE plpgsql AS E'
DECLARE
  first_day date := date_trunc(''month'', month)::date\073
  partition_name text := ''ledger_entries_'' || to_char(first_day, ''YYYY_MM'')\073
BEGIN
  IF EXISTS (SELECT 1 FROM ledger_archived_months a WHERE a.month = first_day) THEN
    RETURN NULL\073
  END IF\073
  IF to_regclass(partition_name) IS NULL THEN
    BEGIN
      EXECUTE format(''CREATE TABLE IF NOT EXISTS %I PARTITION OF ledger_entries FOR VALUES FROM (%L) TO (%L)'',
                     partition_name, first_day, (first_day + interval ''1 month'')::date)\073
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL\073 -- created meanwhile by another session
    END\073
  END IF\073
  RETURN partition_name\073
END';

SELECT "ledger_month_partition"(d.date)
FROM (SELECT DISTINCT date_trunc('month', d.date)::date AS date
      FROM "ledger_entries_unpartitioned" l JOIN "slots" s ON s.id = l.slot_id JOIN "days" d ON d.id = s.day_id) d;

-- A row whose slot is gone has no date: the NOT NULL column then fails the migration rather than
-- losing the row.
INSERT INTO "ledger_entries" ("slot_id", "kind", "subject_id", "user_id", "amount", "slot_date")
SELECT l.slot_id, l.kind, l.subject_id, l.user_id, l.amount, d.date
FROM "ledger_entries_unpartitioned" l LEFT JOIN "slots" s ON s.id = l.slot_id LEFT JOIN "days" d ON d.id = s.day_id;

DROP TABLE "ledger_entries_unpartitioned";
