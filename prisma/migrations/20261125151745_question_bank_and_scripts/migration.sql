-- CreateEnum
CREATE TYPE "question_level" AS ENUM ('junior', 'mid', 'senior', 'staff');

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN     "question_id" UUID,
ADD COLUMN     "script_id" UUID;

-- CreateTable
CREATE TABLE "questions" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "level" "question_level" NOT NULL,
    "topics" TEXT[],
    "prompt" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "framework_scripts" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "auto_advance" BOOLEAN NOT NULL DEFAULT false,
    "phases" JSONB NOT NULL,
    "owner_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "framework_scripts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rubrics" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dimensions" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rubrics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "questions_slug_key" ON "questions"("slug");

-- CreateIndex
CREATE INDEX "questions_level_idx" ON "questions"("level");

-- CreateIndex
CREATE INDEX "framework_scripts_owner_id_idx" ON "framework_scripts"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "framework_scripts_slug_version_key" ON "framework_scripts"("slug", "version");

-- CreateIndex
CREATE UNIQUE INDEX "rubrics_slug_version_key" ON "rubrics"("slug", "version");

-- AddForeignKey
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_script_id_fkey" FOREIGN KEY ("script_id") REFERENCES "framework_scripts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "framework_scripts" ADD CONSTRAINT "framework_scripts_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
