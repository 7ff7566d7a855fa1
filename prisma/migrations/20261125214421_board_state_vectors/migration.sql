-- AlterTable
ALTER TABLE "board_updates" ADD COLUMN     "end_clocks" BYTEA;

-- AlterTable
ALTER TABLE "board_snapshots" ADD COLUMN     "state_vector" BYTEA;
