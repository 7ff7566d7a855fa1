-- CreateEnum
CREATE TYPE "pairing_request_status" AS ENUM ('open', 'matched', 'cancelled', 'expired');

-- CreateEnum
CREATE TYPE "pairing_role" AS ENUM ('interviewer', 'candidate', 'either');

-- CreateTable
CREATE TABLE "pairing_requests" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "pairing_request_status" NOT NULL DEFAULT 'open',
    "slots" JSONB NOT NULL,
    "timezone" TEXT NOT NULL,
    "level" "question_level" NOT NULL,
    "topics" TEXT[],
    "role" "pairing_role" NOT NULL,
    "length_minutes" INTEGER NOT NULL,
    "last_slot_end" TIMESTAMPTZ(3) NOT NULL,
    "match_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pairing_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing_matches" (
    "id" UUID NOT NULL,
    "first_interview_id" UUID NOT NULL,
    "second_interview_id" UUID NOT NULL,
    "first_candidate_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pairing_matches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pairing_requests_status_last_slot_end_idx" ON "pairing_requests"("status", "last_slot_end");

-- CreateIndex
CREATE INDEX "pairing_requests_user_id_created_at_idx" ON "pairing_requests"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "pairing_matches_first_interview_id_idx" ON "pairing_matches"("first_interview_id");

-- CreateIndex
CREATE INDEX "pairing_matches_second_interview_id_idx" ON "pairing_matches"("second_interview_id");

-- AddForeignKey
ALTER TABLE "pairing_requests" ADD CONSTRAINT "pairing_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_requests" ADD CONSTRAINT "pairing_requests_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "pairing_matches"("id") ON DELETE SET NULL ON UPDATE CASCADE;
