-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Actor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "faction" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "startDate" TEXT,
    "startPrecision" TEXT,
    "endDate" TEXT,
    "endPrecision" TEXT,
    "endDay" TEXT,
    "x" REAL,
    "y" REAL,
    "tieCount" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
-- normalizedName: the name's own variant where it has one (normalised by the app), else lower(),
-- and the app re-normalises every label with lib/graph/search.ts at start-up (normaliseActorLabels).
INSERT INTO "new_Actor" ("createdAt", "deletedAt", "description", "endDate", "endDay", "endPrecision", "faction", "id", "kind", "name", "normalizedName", "slug", "startDate", "startPrecision", "summary", "updatedAt", "version", "x", "y") SELECT "createdAt", "deletedAt", "description", "endDate", "endDay", "endPrecision", "faction", "id", "kind", "name", COALESCE((SELECT n."normalized" FROM "ActorName" n WHERE n."actorId" = "Actor"."id" AND n."name" = "Actor"."name" LIMIT 1), lower("name")), "slug", "startDate", "startPrecision", "summary", "updatedAt", "version", "x", "y" FROM "Actor";
DROP TABLE "Actor";
ALTER TABLE "new_Actor" RENAME TO "Actor";
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");
CREATE INDEX "Actor_faction_idx" ON "Actor"("faction");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill the stored tie counts: live ties whose two ends are live (lib/data/read-models.ts liveTieWhere).
UPDATE "Actor" SET "tieCount" = CASE WHEN "deletedAt" IS NOT NULL THEN 0 ELSE
    (SELECT COUNT(*) FROM "Tie" t JOIN "Actor" o ON o."id" = t."targetId" WHERE t."sourceId" = "Actor"."id" AND t."deletedAt" IS NULL AND o."deletedAt" IS NULL)
  + (SELECT COUNT(*) FROM "Tie" t JOIN "Actor" o ON o."id" = t."sourceId" WHERE t."targetId" = "Actor"."id" AND t."deletedAt" IS NULL AND o."deletedAt" IS NULL)
END;

-- The name index (not in schema.prisma: Prisma has no FTS5). Every name an actor is searched by,
-- its label and each ActorName, is one row of ActorSearchName, kept there by triggers. An FTS5
-- trigram index over its normalized text answers substring and prefix searches (lib/data/actors/search-actors.ts).
-- ActorSearchName exists for its INTEGER PRIMARY KEY: FTS5 needs a stable integer rowid, and the
-- implicit rowids of Actor and ActorName may change on VACUUM.
-- CAUTION: dropping Actor or ActorName (a Prisma "RedefineTables" migration) drops these triggers
-- with them, so such a migration must create them again (test/db/search.test.ts checks they exist).
CREATE TABLE "ActorSearchName" (
    "id" INTEGER PRIMARY KEY,
    -- ActorName.id, or 'label:' || Actor.id for the actor's own name.
    "key" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ActorSearchName_key_key" ON "ActorSearchName"("key");
CREATE INDEX "ActorSearchName_actorId_idx" ON "ActorSearchName"("actorId");
CREATE VIRTUAL TABLE "ActorSearch" USING fts5("normalized", content='ActorSearchName', content_rowid='id', tokenize='trigram');

CREATE TRIGGER "ActorSearchName_ai" AFTER INSERT ON "ActorSearchName" BEGIN
  INSERT INTO "ActorSearch"(rowid, "normalized") VALUES (new."id", new."normalized");
END;
CREATE TRIGGER "ActorSearchName_ad" AFTER DELETE ON "ActorSearchName" BEGIN
  INSERT INTO "ActorSearch"("ActorSearch", rowid, "normalized") VALUES ('delete', old."id", old."normalized");
END;
CREATE TRIGGER "ActorSearchName_au" AFTER UPDATE ON "ActorSearchName" BEGIN
  INSERT INTO "ActorSearch"("ActorSearch", rowid, "normalized") VALUES ('delete', old."id", old."normalized");
  INSERT INTO "ActorSearch"(rowid, "normalized") VALUES (new."id", new."normalized");
END;

CREATE TRIGGER "Actor_search_ai" AFTER INSERT ON "Actor" BEGIN
  INSERT INTO "ActorSearchName"("key", "actorId", "name", "normalized") VALUES ('label:' || new."id", new."id", new."name", new."normalizedName");
END;
CREATE TRIGGER "Actor_search_au" AFTER UPDATE OF "id", "name", "normalizedName" ON "Actor" BEGIN
  UPDATE "ActorSearchName" SET "key" = 'label:' || new."id", "actorId" = new."id", "name" = new."name", "normalized" = new."normalizedName" WHERE "key" = 'label:' || old."id";
END;
CREATE TRIGGER "Actor_search_ad" AFTER DELETE ON "Actor" BEGIN
  DELETE FROM "ActorSearchName" WHERE "actorId" = old."id";
END;

CREATE TRIGGER "ActorName_search_ai" AFTER INSERT ON "ActorName" BEGIN
  INSERT INTO "ActorSearchName"("key", "actorId", "name", "normalized") VALUES (new."id", new."actorId", new."name", new."normalized");
END;
CREATE TRIGGER "ActorName_search_au" AFTER UPDATE OF "id", "actorId", "name", "normalized" ON "ActorName" BEGIN
  UPDATE "ActorSearchName" SET "key" = new."id", "actorId" = new."actorId", "name" = new."name", "normalized" = new."normalized" WHERE "key" = old."id";
END;
CREATE TRIGGER "ActorName_search_ad" AFTER DELETE ON "ActorName" BEGIN
  DELETE FROM "ActorSearchName" WHERE "key" = old."id";
END;

INSERT INTO "ActorSearchName"("key", "actorId", "name", "normalized") SELECT 'label:' || "id", "id", "name", "normalizedName" FROM "Actor";
INSERT INTO "ActorSearchName"("key", "actorId", "name", "normalized") SELECT "id", "actorId", "name", "normalized" FROM "ActorName";
