-- AlterTable
ALTER TABLE "interviews" ADD COLUMN     "cancel_reason" TEXT,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "cancelled_by_id" UUID;

-- AlterTable
ALTER TABLE "participants" ADD COLUMN     "joined_at" TIMESTAMPTZ(3),
ADD COLUMN     "no_show_at" TIMESTAMPTZ(3);
