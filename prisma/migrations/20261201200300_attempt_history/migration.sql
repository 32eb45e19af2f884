-- Every attempt of a slot, kept across retries, and when the running one started.
ALTER TABLE "slots" ADD COLUMN     "attempt_history" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "attempt_started_at" TIMESTAMPTZ(3);

-- Slots executed before this release keep their last attempt, as their details recorded it.
UPDATE "slots"
SET "attempt_history" = jsonb_build_array(
  jsonb_build_object(
    'attempt', greatest("attempts", 1),
    'startedAt', "execution_details"->>'executedAt',
    'endedAt', CASE WHEN "execution_details"->>'error' LIKE '%(lease expired)%' THEN NULL
                    ELSE coalesce("execution_details"->>'completedAt', "execution_details"->>'executedAt') END,
    'outcome', CASE
      WHEN "status" = 'COMPLETED' THEN 'COMPLETED'
      WHEN "execution_details"->>'error' LIKE 'Missed:%' THEN 'MISSED'
      WHEN "execution_details"->>'error' LIKE '%(lease expired)%' THEN 'LEASE_EXPIRED'
      ELSE 'FAILED' END
  ) || CASE WHEN "execution_details"->>'error' IS NOT NULL THEN jsonb_build_object('error', "execution_details"->>'error') ELSE '{}'::jsonb END)
WHERE "status" IN ('COMPLETED', 'FAILED')
  AND "execution_details"->>'executedAt' IS NOT NULL
  AND NOT coalesce("execution_details" @> '{"imported": true}', false);
