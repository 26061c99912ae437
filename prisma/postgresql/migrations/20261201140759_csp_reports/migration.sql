-- CreateTable
CREATE TABLE "CspReport" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "documentUrl" TEXT NOT NULL,
    "blockedUrl" TEXT NOT NULL,
    "effectiveDirective" TEXT NOT NULL,
    "disposition" TEXT NOT NULL,
    "sourceFile" TEXT NOT NULL,
    "lineNumber" INTEGER,
    "sample" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,

    CONSTRAINT "CspReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CspReport_receivedAt_idx" ON "CspReport"("receivedAt");
