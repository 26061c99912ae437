-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "mergedIntoId" TEXT;

-- CreateTable
CREATE TABLE "DuplicateJudgement" (
    "id" TEXT NOT NULL,
    "actorAId" TEXT NOT NULL,
    "actorBId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "authorName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DuplicateJudgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorMerge" (
    "id" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "mergedIds" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "afterVersions" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" TEXT,
    "authorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "ActorMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DuplicateJudgement_actorBId_idx" ON "DuplicateJudgement"("actorBId");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateJudgement_actorAId_actorBId_key" ON "DuplicateJudgement"("actorAId", "actorBId");

-- CreateIndex
CREATE INDEX "ActorMerge_targetId_idx" ON "ActorMerge"("targetId");
