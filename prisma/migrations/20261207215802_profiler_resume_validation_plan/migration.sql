-- AlterTable
ALTER TABLE "ProfileRun" ADD COLUMN     "uploadFinishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ValidationPlan" (
    "engagementId" TEXT NOT NULL,
    "edits" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ValidationPlan_pkey" PRIMARY KEY ("engagementId")
);

-- AddForeignKey
ALTER TABLE "ValidationPlan" ADD CONSTRAINT "ValidationPlan_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
