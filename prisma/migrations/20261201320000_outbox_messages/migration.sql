-- The outbox of slot messages: written in the transaction that ends a slot, delivered after commit (decision 022).
-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "slot_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "given_up_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id","target")
);

-- CreateIndex
CREATE INDEX "outbox_messages_next_attempt_at_idx" ON "outbox_messages"("next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_messages_created_at_idx" ON "outbox_messages"("created_at");
