-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "authorName" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "authorName" TEXT;
