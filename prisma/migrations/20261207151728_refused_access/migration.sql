-- CreateTable
CREATE TABLE "RefusedAccess" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "actorId" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL DEFAULT '',
    "targetType" TEXT NOT NULL,
    "targetId" VARCHAR(64) NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "capability" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RefusedAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RefusedAccess_organizationId_windowStart_idx" ON "RefusedAccess"("organizationId", "windowStart");

-- CreateIndex
CREATE INDEX "RefusedAccess_actorId_windowStart_idx" ON "RefusedAccess"("actorId", "windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "RefusedAccess_actorId_targetType_targetId_windowStart_key" ON "RefusedAccess"("actorId", "targetType", "targetId", "windowStart");
