-- AlterTable
ALTER TABLE "Actor" ADD COLUMN "endDay" TEXT;

-- CreateTable
CREATE TABLE "NetworkRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "revision" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tie" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',
    "startDate" TEXT,
    "startPrecision" TEXT,
    "endDate" TEXT,
    "endPrecision" TEXT,
    "strength" INTEGER NOT NULL DEFAULT 3,
    "endDay" TEXT,
    "bestGrade" TEXT,
    "gradeRank" INTEGER,
    "claimCount" INTEGER NOT NULL DEFAULT 0,
    "disputed" BOOLEAN NOT NULL DEFAULT false,
    "noteCount" INTEGER NOT NULL DEFAULT 0,
    "publicNoteCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Tie_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Tie_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Tie" ("createdAt", "deletedAt", "endDate", "endPrecision", "id", "role", "sourceId", "startDate", "startPrecision", "strength", "targetId", "type", "updatedAt", "version") SELECT "createdAt", "deletedAt", "endDate", "endPrecision", "id", "role", "sourceId", "startDate", "startPrecision", "strength", "targetId", "type", "updatedAt", "version" FROM "Tie";
DROP TABLE "Tie";
ALTER TABLE "new_Tie" RENAME TO "Tie";
CREATE INDEX "Tie_sourceId_idx" ON "Tie"("sourceId");
CREATE INDEX "Tie_targetId_idx" ON "Tie"("targetId");
CREATE INDEX "Tie_type_idx" ON "Tie"("type");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill (hand-written): the stored summaries and day columns for existing rows, computed as
-- lib/data/ties/refresh-tie-summaries.ts computes them, and test/db/tie-summaries.test.ts checks they agree.
INSERT INTO "NetworkRevision" ("id", "revision") VALUES (1, 0);
UPDATE "Actor" SET "endDay" = CASE "endPrecision" WHEN 'year' THEN substr("endDate", 1, 4) || '-12-31' WHEN 'month' THEN date(substr("endDate", 1, 7) || '-01', '+1 month', '-1 day') ELSE "endDate" END WHERE "endDate" IS NOT NULL AND "endPrecision" IS NOT NULL;
UPDATE "Tie" SET "endDay" = CASE "endPrecision" WHEN 'year' THEN substr("endDate", 1, 4) || '-12-31' WHEN 'month' THEN date(substr("endDate", 1, 7) || '-01', '+1 month', '-1 day') ELSE "endDate" END WHERE "endDate" IS NOT NULL AND "endPrecision" IS NOT NULL;
UPDATE "Tie" SET
  "claimCount" = (SELECT COUNT(*) FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id") c),
  "noteCount" = (SELECT COUNT(*) FROM "Annotation" n WHERE n."tieId" = "Tie"."id" AND n."deletedAt" IS NULL),
  "publicNoteCount" = (SELECT COUNT(*) FROM "Annotation" n WHERE n."tieId" = "Tie"."id" AND n."deletedAt" IS NULL AND n."visibility" = 'public'),
  "gradeRank" = (SELECT MIN((instr('ABCDEF', s."reliability") - 1) * 6 + c."credibility" - 1) FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND s."reliability" IN ('A', 'B', 'C', 'D', 'E', 'F') AND c."credibility" BETWEEN 1 AND 6),
  "disputed" = CASE WHEN EXISTS (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."status" = 'disputed')
    OR (EXISTS (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports') AND EXISTS (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" <> 'supports'))
    OR EXISTS (SELECT 1 FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedCurrent" = true) o JOIN (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedEndDate" IS NOT NULL AND c."statedEndPrecision" IS NOT NULL) e ON e."id" <> o."id")
    OR EXISTS (SELECT 1 FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedStartDate" IS NOT NULL AND c."statedStartPrecision" IS NOT NULL) a JOIN (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedStartDate" IS NOT NULL AND c."statedStartPrecision" IS NOT NULL) b ON b."statedStartPrecision" <> 'asof' AND CASE a."statedStartPrecision" WHEN 'year' THEN substr(a."statedStartDate", 1, 4) || '-12-31' WHEN 'month' THEN date(substr(a."statedStartDate", 1, 7) || '-01', '+1 month', '-1 day') ELSE a."statedStartDate" END < b."statedStartDate")
    OR EXISTS (SELECT 1 FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedEndDate" IS NOT NULL AND c."statedEndPrecision" IS NOT NULL) a JOIN (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedEndDate" IS NOT NULL AND c."statedEndPrecision" IS NOT NULL) b ON CASE a."statedEndPrecision" WHEN 'year' THEN substr(a."statedEndDate", 1, 4) || '-12-31' WHEN 'month' THEN date(substr(a."statedEndDate", 1, 7) || '-01', '+1 month', '-1 day') ELSE a."statedEndDate" END < b."statedEndDate") THEN 1 ELSE 0 END;
UPDATE "Tie" SET "bestGrade" = substr('ABCDEF', "gradeRank" / 6 + 1, 1) || ("gradeRank" % 6 + 1) WHERE "gradeRank" IS NOT NULL;
