-- CreateEnum
CREATE TYPE "recommendation" AS ENUM ('strong_no', 'no', 'yes', 'strong_yes');

-- CreateEnum
CREATE TYPE "scorecard_status" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "scorecard_event_kind" AS ENUM ('created', 'saved', 'submitted', 'reopened', 'seen');

-- CreateTable
CREATE TABLE "scorecards" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "candidate_id" UUID,
    "rubric_id" UUID NOT NULL,
    "status" "scorecard_status" NOT NULL DEFAULT 'draft',
    "scores" JSONB NOT NULL,
    "evidence" JSONB NOT NULL,
    "recommendation" "recommendation",
    "feedback" TEXT NOT NULL DEFAULT '',
    "submitted_at" TIMESTAMPTZ(3),
    "candidate_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scorecards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scorecard_events" (
    "id" BIGSERIAL NOT NULL,
    "scorecard_id" UUID NOT NULL,
    "kind" "scorecard_event_kind" NOT NULL,
    "user_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scorecard_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peer_feedback" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "from_user_id" UUID NOT NULL,
    "to_user_id" UUID NOT NULL,
    "preparedness" INTEGER NOT NULL,
    "hint_clarity" INTEGER NOT NULL,
    "helpfulness" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "peer_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scorecards_interview_id_key" ON "scorecards"("interview_id");

-- CreateIndex
CREATE INDEX "scorecards_candidate_id_status_idx" ON "scorecards"("candidate_id", "status");

-- CreateIndex
CREATE INDEX "scorecard_events_scorecard_id_id_idx" ON "scorecard_events"("scorecard_id", "id");

-- CreateIndex
CREATE INDEX "peer_feedback_to_user_id_idx" ON "peer_feedback"("to_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "peer_feedback_interview_id_from_user_id_to_user_id_key" ON "peer_feedback"("interview_id", "from_user_id", "to_user_id");

-- AddForeignKey
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_rubric_id_fkey" FOREIGN KEY ("rubric_id") REFERENCES "rubrics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_events" ADD CONSTRAINT "scorecard_events_scorecard_id_fkey" FOREIGN KEY ("scorecard_id") REFERENCES "scorecards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_events" ADD CONSTRAINT "scorecard_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_from_user_id_fkey" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_to_user_id_fkey" FOREIGN KEY ("to_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
