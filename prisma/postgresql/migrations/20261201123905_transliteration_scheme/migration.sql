-- AlterTable
ALTER TABLE "ActorName" ADD COLUMN     "scheme" TEXT;
