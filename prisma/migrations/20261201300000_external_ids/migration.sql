-- The platform's own ids for its members and stakes (a MongoDB ObjectId, say), beside our integer keys.
-- Nullable: admins and the demo seed's rows have none. Unique where present, so an upsert finds its row.
ALTER TABLE "users" ADD COLUMN "external_id" TEXT;
ALTER TABLE "stakes" ADD COLUMN "external_id" TEXT;

CREATE UNIQUE INDEX "users_external_id_key" ON "users"("external_id");
CREATE UNIQUE INDEX "stakes_external_id_key" ON "stakes"("external_id");
