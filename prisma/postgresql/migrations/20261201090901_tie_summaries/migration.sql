-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "endDay" TEXT;

-- AlterTable
ALTER TABLE "Tie" ADD COLUMN     "bestGrade" TEXT,
ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disputed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "endDay" TEXT,
ADD COLUMN     "gradeRank" INTEGER,
ADD COLUMN     "noteCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publicNoteCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "NetworkRevision" (
    "id" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NetworkRevision_pkey" PRIMARY KEY ("id")
);

-- Backfill (hand-written): the stored summaries and day columns for existing rows, computed as
-- lib/data/ties/refresh-tie-summaries.ts computes them, and test/db/tie-summaries.test.ts checks they agree.
INSERT INTO "NetworkRevision" ("id", "revision") VALUES (1, 0);
UPDATE "Actor" SET "endDay" = CASE "endPrecision" WHEN 'year' THEN substr("endDate", 1, 4) || '-12-31' WHEN 'month' THEN to_char(CAST(substr("endDate", 1, 7) || '-01' AS date) + interval '1 month' - interval '1 day', 'YYYY-MM-DD') ELSE "endDate" END WHERE "endDate" IS NOT NULL AND "endPrecision" IS NOT NULL;
UPDATE "Tie" SET "endDay" = CASE "endPrecision" WHEN 'year' THEN substr("endDate", 1, 4) || '-12-31' WHEN 'month' THEN to_char(CAST(substr("endDate", 1, 7) || '-01' AS date) + interval '1 month' - interval '1 day', 'YYYY-MM-DD') ELSE "endDate" END WHERE "endDate" IS NOT NULL AND "endPrecision" IS NOT NULL;
UPDATE "Tie" SET
  "claimCount" = (SELECT COUNT(*) FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id") c),
  "noteCount" = (SELECT COUNT(*) FROM "Annotation" n WHERE n."tieId" = "Tie"."id" AND n."deletedAt" IS NULL),
  "publicNoteCount" = (SELECT COUNT(*) FROM "Annotation" n WHERE n."tieId" = "Tie"."id" AND n."deletedAt" IS NULL AND n."visibility" = 'public'),
  "gradeRank" = (SELECT MIN((strpos('ABCDEF', s."reliability") - 1) * 6 + c."credibility" - 1) FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND s."reliability" IN ('A', 'B', 'C', 'D', 'E', 'F') AND c."credibility" BETWEEN 1 AND 6),
  "disputed" = (EXISTS (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."status" = 'disputed')
    OR (EXISTS (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports') AND EXISTS (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" <> 'supports'))
    OR EXISTS (SELECT 1 FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedCurrent" = true) o JOIN (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedEndDate" IS NOT NULL AND c."statedEndPrecision" IS NOT NULL) e ON e."id" <> o."id")
    OR EXISTS (SELECT 1 FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedStartDate" IS NOT NULL AND c."statedStartPrecision" IS NOT NULL) a JOIN (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedStartDate" IS NOT NULL AND c."statedStartPrecision" IS NOT NULL) b ON b."statedStartPrecision" <> 'asof' AND CASE a."statedStartPrecision" WHEN 'year' THEN substr(a."statedStartDate", 1, 4) || '-12-31' WHEN 'month' THEN to_char(CAST(substr(a."statedStartDate", 1, 7) || '-01' AS date) + interval '1 month' - interval '1 day', 'YYYY-MM-DD') ELSE a."statedStartDate" END < b."statedStartDate")
    OR EXISTS (SELECT 1 FROM (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedEndDate" IS NOT NULL AND c."statedEndPrecision" IS NOT NULL) a JOIN (SELECT c.*, s."reliability" FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId" WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."tieId" = "Tie"."id" AND c."stance" = 'supports' AND c."statedEndDate" IS NOT NULL AND c."statedEndPrecision" IS NOT NULL) b ON CASE a."statedEndPrecision" WHEN 'year' THEN substr(a."statedEndDate", 1, 4) || '-12-31' WHEN 'month' THEN to_char(CAST(substr(a."statedEndDate", 1, 7) || '-01' AS date) + interval '1 month' - interval '1 day', 'YYYY-MM-DD') ELSE a."statedEndDate" END < b."statedEndDate"));
UPDATE "Tie" SET "bestGrade" = substr('ABCDEF', "gradeRank" / 6 + 1, 1) || CAST("gradeRank" % 6 + 1 AS TEXT) WHERE "gradeRank" IS NOT NULL;
