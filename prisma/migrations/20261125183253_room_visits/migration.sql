-- CreateTable
CREATE TABLE "room_visits" (
    "id" BIGSERIAL NOT NULL,
    "interview_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),

    CONSTRAINT "room_visits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "room_visits_interview_id_joined_at_idx" ON "room_visits"("interview_id", "joined_at");

-- AddForeignKey
ALTER TABLE "room_visits" ADD CONSTRAINT "room_visits_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "room_visits" ADD CONSTRAINT "room_visits_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
