-- CreateTable
CREATE TABLE "ProfileRun" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL DEFAULT '',
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "totalBytes" BIGINT,
    "rowCount" INTEGER,
    "format" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'uploading',
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "progressRows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT NOT NULL DEFAULT '',
    "result" JSONB,
    "accepted" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadStartedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProfileRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProfileRun_engagementId_createdAt_idx" ON "ProfileRun"("engagementId", "createdAt");

-- CreateIndex
CREATE INDEX "ProfileRun_engagementId_targetType_targetId_idx" ON "ProfileRun"("engagementId", "targetType", "targetId");

-- AddForeignKey
ALTER TABLE "ProfileRun" ADD CONSTRAINT "ProfileRun_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
