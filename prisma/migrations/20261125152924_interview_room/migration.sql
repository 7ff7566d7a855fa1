-- CreateEnum
CREATE TYPE "phase_event_kind" AS ENUM ('started', 'advanced', 'went_back', 'paused', 'resumed', 'extended', 'auto_advanced', 'ended');

-- CreateEnum
CREATE TYPE "requirement_kind" AS ENUM ('functional', 'nonFunctional');

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN     "clock_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "extension_ms" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paused_at" TIMESTAMPTZ(3),
ADD COLUMN     "paused_ms" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "phase_index" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "phase_started_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "phase_events" (
    "id" BIGSERIAL NOT NULL,
    "interview_id" UUID NOT NULL,
    "kind" "phase_event_kind" NOT NULL,
    "phase_index" INTEGER NOT NULL,
    "clock_version" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "by_user_id" UUID,
    "payload" JSONB,

    CONSTRAINT "phase_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revealed_hints" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "hint_index" INTEGER NOT NULL,
    "phase" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "phase_index" INTEGER,
    "revealed_at" TIMESTAMPTZ(3) NOT NULL,
    "revealed_by_id" UUID,

    CONSTRAINT "revealed_hints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notes" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "session_ms" INTEGER,
    "phase_index" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_messages" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chat_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requirement_items" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "kind" "requirement_kind" NOT NULL,
    "text" TEXT NOT NULL,
    "checked" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "requirement_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "phase_events_interview_id_clock_version_key" ON "phase_events"("interview_id", "clock_version");

-- CreateIndex
CREATE UNIQUE INDEX "revealed_hints_interview_id_hint_index_key" ON "revealed_hints"("interview_id", "hint_index");

-- CreateIndex
CREATE INDEX "notes_interview_id_created_at_idx" ON "notes"("interview_id", "created_at");

-- CreateIndex
CREATE INDEX "chat_messages_interview_id_sent_at_idx" ON "chat_messages"("interview_id", "sent_at");

-- CreateIndex
CREATE INDEX "requirement_items_interview_id_created_at_idx" ON "requirement_items"("interview_id", "created_at");

-- CreateIndex
CREATE INDEX "interviews_status_idx" ON "interviews"("status");

-- AddForeignKey
ALTER TABLE "phase_events" ADD CONSTRAINT "phase_events_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_events" ADD CONSTRAINT "phase_events_by_user_id_fkey" FOREIGN KEY ("by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revealed_hints" ADD CONSTRAINT "revealed_hints_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revealed_hints" ADD CONSTRAINT "revealed_hints_revealed_by_id_fkey" FOREIGN KEY ("revealed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requirement_items" ADD CONSTRAINT "requirement_items_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requirement_items" ADD CONSTRAINT "requirement_items_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
