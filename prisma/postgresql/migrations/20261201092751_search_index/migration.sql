-- AlterTable
ALTER TABLE "Actor" ADD COLUMN     "normalizedName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "tieCount" INTEGER NOT NULL DEFAULT 0;

-- normalizedName: the name's own variant where it has one (normalised by the app), else lower(),
-- and the app re-normalises every label with lib/graph/search.ts at start-up (normaliseActorLabels).
UPDATE "Actor" a SET "normalizedName" = COALESCE((SELECT n."normalized" FROM "ActorName" n WHERE n."actorId" = a."id" AND n."name" = a."name" LIMIT 1), lower(a."name"));
ALTER TABLE "Actor" ALTER COLUMN "normalizedName" DROP DEFAULT;

-- Backfill the stored tie counts: live ties whose two ends are live (lib/data/read-models.ts liveTieWhere).
UPDATE "Actor" a SET "tieCount" = CASE WHEN a."deletedAt" IS NOT NULL THEN 0 ELSE
    (SELECT COUNT(*) FROM "Tie" t JOIN "Actor" o ON o."id" = t."targetId" WHERE t."sourceId" = a."id" AND t."deletedAt" IS NULL AND o."deletedAt" IS NULL)
  + (SELECT COUNT(*) FROM "Tie" t JOIN "Actor" o ON o."id" = t."sourceId" WHERE t."targetId" = a."id" AND t."deletedAt" IS NULL AND o."deletedAt" IS NULL)
END;

-- The name index (not in schema.prisma, which cannot express it for one provider only): trigram
-- GIN indexes over the normalised names, which answer LIKE '%…%' (lib/data/actors/search-actors.ts).
-- pg_trgm ships in PostgreSQL's contrib and is a trusted extension: the database owner may create it
-- without being superuser. No DO blocks and no semicolon except between statements: the pg driver
-- adapter behind lib/db/schema-engine.ts splits a migration at every semicolon.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "ActorName_normalized_trgm_idx" ON "ActorName" USING gin ("normalized" gin_trgm_ops);
CREATE INDEX "Actor_normalizedName_trgm_idx" ON "Actor" USING gin ("normalizedName" gin_trgm_ops);
