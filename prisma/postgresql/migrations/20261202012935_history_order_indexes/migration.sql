-- DropIndex
DROP INDEX "Revision_createdAt_idx";

-- CreateIndex
CREATE INDEX "Revision_createdAt_version_id_idx" ON "Revision"("createdAt", "version", "id");

-- CreateIndex
CREATE INDEX "Revision_entityType_createdAt_version_id_idx" ON "Revision"("entityType", "createdAt", "version", "id");
