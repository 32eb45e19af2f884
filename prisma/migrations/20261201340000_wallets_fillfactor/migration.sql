-- Every slot rewrites the balance of every paid wallet. With half of each page left free the new
-- row version fits beside the old one (a heap-only update: the primary key's index is not
-- touched). The setting applies to pages written from now on (VACUUM FULL wallets re-packs old ones).
ALTER TABLE "wallets" SET (fillfactor = 50);
