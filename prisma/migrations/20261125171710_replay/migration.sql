-- AlterTable
ALTER TABLE "board_snapshots" ADD COLUMN     "exact" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "last_update_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "replay_share_links" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "include_notes" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "replay_share_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "replay_share_links_token_hash_key" ON "replay_share_links"("token_hash");

-- CreateIndex
CREATE INDEX "replay_share_links_interview_id_created_by_id_idx" ON "replay_share_links"("interview_id", "created_by_id");

-- CreateIndex
CREATE INDEX "board_snapshots_interview_id_exact_last_update_id_idx" ON "board_snapshots"("interview_id", "exact", "last_update_id");

-- AddForeignKey
ALTER TABLE "replay_share_links" ADD CONSTRAINT "replay_share_links_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replay_share_links" ADD CONSTRAINT "replay_share_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing checkpoints learn the time of the last update they hold.
UPDATE "board_snapshots" AS s SET "last_update_at" = u."received_at" FROM "board_updates" AS u WHERE u."id" = s."last_update_id";
