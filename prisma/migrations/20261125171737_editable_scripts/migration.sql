-- AlterTable
ALTER TABLE "framework_scripts" ADD COLUMN     "archived_at" TIMESTAMPTZ(3);
