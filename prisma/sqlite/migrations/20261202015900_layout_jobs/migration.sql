-- CreateTable
CREATE TABLE "LayoutJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "query" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "phase" TEXT NOT NULL DEFAULT '',
    "progress" REAL NOT NULL DEFAULT 0,
    "actorCount" INTEGER NOT NULL DEFAULT 0,
    "movedCount" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "activeLock" TEXT,
    "requestedById" TEXT,
    "requestedByName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "finishedAt" DATETIME,
    "undoneAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "LayoutJob_activeLock_key" ON "LayoutJob"("activeLock");

-- CreateIndex
CREATE INDEX "LayoutJob_createdAt_idx" ON "LayoutJob"("createdAt");
