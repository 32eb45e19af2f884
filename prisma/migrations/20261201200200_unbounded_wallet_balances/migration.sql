-- A balance accumulates every payout its user ever got: unconstrained numeric cannot overflow
-- (decision 010). Dropping a numeric's precision needs no table rewrite.
ALTER TABLE "wallets" ALTER COLUMN "balance" SET DATA TYPE DECIMAL;
