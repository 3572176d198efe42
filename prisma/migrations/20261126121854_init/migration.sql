-- CreateEnum
CREATE TYPE "MigrationType" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "EngagementStatus" AS ENUM ('scoping', 'active', 'on_hold', 'completed');

-- CreateEnum
CREATE TYPE "EngagementRole" AS ENUM ('lead', 'consultant', 'clinical_reviewer', 'executive');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isOrgAdmin" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Engagement" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "clientName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "migrationType" "MigrationType" NOT NULL,
    "sourceSystem" TEXT NOT NULL DEFAULT '',
    "destinationSystem" TEXT NOT NULL DEFAULT '',
    "providers" INTEGER NOT NULL DEFAULT 0,
    "locations" INTEGER NOT NULL DEFAULT 0,
    "specialties" INTEGER NOT NULL DEFAULT 0,
    "staffUsers" INTEGER NOT NULL DEFAULT 0,
    "activePatients" INTEGER NOT NULL DEFAULT 0,
    "yearsOfData" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sourceSystemCount" INTEGER NOT NULL DEFAULT 1,
    "plannedStart" DATE NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "status" "EngagementStatus" NOT NULL DEFAULT 'scoping',
    "archivedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "assumptions" JSONB NOT NULL DEFAULT '{}',
    "assumptionsVersion" INTEGER NOT NULL DEFAULT 1,
    "riskMatrix" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Engagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "engagementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "EngagementRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("engagementId","userId")
);

-- CreateTable
CREATE TABLE "DataEntity" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "sourceObject" TEXT NOT NULL,
    "recordCount" BIGINT,
    "yearsCovered" DOUBLE PRECISION,
    "decision" TEXT NOT NULL DEFAULT 'undecided',
    "destinationEntity" TEXT NOT NULL DEFAULT '',
    "mappingStatus" TEXT NOT NULL DEFAULT 'not_started',
    "cleanupInScope" BOOLEAN NOT NULL DEFAULT false,
    "decider" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "quirks" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowItem" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL DEFAULT '',
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "complexity" TEXT NOT NULL DEFAULT 'medium',
    "disposition" TEXT NOT NULL DEFAULT 'undecided',
    "reviewStatus" TEXT NOT NULL DEFAULT 'not_reviewed',
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkflowItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowComment" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "workflowItemId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "verdict" TEXT NOT NULL DEFAULT 'comment',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowSignOff" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "signedById" TEXT,
    "signedByName" TEXT NOT NULL,
    "signedByRole" "EngagementRole" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "messageTypes" TEXT NOT NULL DEFAULT '',
    "direction" TEXT NOT NULL,
    "partner" TEXT NOT NULL DEFAULT '',
    "sourceEndpoint" TEXT NOT NULL DEFAULT '',
    "replacementPlan" TEXT NOT NULL DEFAULT '',
    "transitionStrategy" TEXT NOT NULL DEFAULT 'undecided',
    "clinicalImpact" TEXT NOT NULL DEFAULT 'medium',
    "complexity" TEXT NOT NULL DEFAULT 'medium',
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "consumers" TEXT NOT NULL DEFAULT '',
    "frequency" TEXT NOT NULL DEFAULT 'monthly',
    "complexity" TEXT NOT NULL DEFAULT 'medium',
    "reproducibilityPlan" TEXT NOT NULL DEFAULT '',
    "parallelValidation" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditTrailPolicy" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "policy" TEXT NOT NULL DEFAULT 'undecided',
    "sourceLogRows" BIGINT,
    "sourceLogYears" DOUBLE PRECISION,
    "retentionYears" DOUBLE PRECISION,
    "retentionBasis" TEXT NOT NULL DEFAULT '',
    "destination" TEXT NOT NULL DEFAULT '',
    "retrievalProcedure" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditTrailPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "cause" TEXT NOT NULL DEFAULT '',
    "effect" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT 'other',
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "residualLikelihood" INTEGER,
    "residualImpact" INTEGER,
    "probability" DOUBLE PRECISION,
    "residualProbability" DOUBLE PRECISION,
    "scope" TEXT NOT NULL DEFAULT 'once',
    "treatment" TEXT NOT NULL DEFAULT 'mitigate',
    "mitigationPlan" TEXT NOT NULL DEFAULT '',
    "mitigationCostCents" INTEGER NOT NULL DEFAULT 0,
    "scheduleImpactWeeks" JSONB,
    "costImpact" JSONB,
    "phase" TEXT NOT NULL DEFAULT 'P3',
    "owner" TEXT NOT NULL DEFAULT '',
    "nextReviewDate" DATE,
    "status" TEXT NOT NULL DEFAULT 'open',
    "libraryKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskLibraryEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "risk" JSONB NOT NULL,
    "appliesTo" TEXT[] DEFAULT ARRAY['A', 'B', 'C']::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskLibraryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Baseline" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "iterations" INTEGER NOT NULL,
    "inputs" JSONB NOT NULL,
    "outputs" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Baseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLinkAccess" (
    "id" TEXT NOT NULL,
    "shareLinkId" TEXT NOT NULL,
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareLinkAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "inventory" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "createdById" TEXT,
    "rows" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT,
    "engagementId" TEXT,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL DEFAULT '',
    "actorRole" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL DEFAULT '',
    "entityId" TEXT NOT NULL DEFAULT '',
    "changes" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT 'success',
    "chainKey" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "Engagement_organizationId_archivedAt_idx" ON "Engagement"("organizationId", "archivedAt");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DataEntity_engagementId_entity_sourceObject_key" ON "DataEntity"("engagementId", "entity", "sourceObject");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowItem_engagementId_kind_department_name_key" ON "WorkflowItem"("engagementId", "kind", "department", "name");

-- CreateIndex
CREATE INDEX "WorkflowComment_engagementId_workflowItemId_idx" ON "WorkflowComment"("engagementId", "workflowItemId");

-- CreateIndex
CREATE INDEX "WorkflowSignOff_engagementId_createdAt_idx" ON "WorkflowSignOff"("engagementId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_engagementId_name_key" ON "Integration"("engagementId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Report_engagementId_name_key" ON "Report"("engagementId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AuditTrailPolicy_engagementId_key" ON "AuditTrailPolicy"("engagementId");

-- CreateIndex
CREATE UNIQUE INDEX "Risk_engagementId_title_key" ON "Risk"("engagementId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "RiskLibraryEntry_organizationId_key_key" ON "RiskLibraryEntry"("organizationId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Baseline_engagementId_name_key" ON "Baseline"("engagementId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_engagementId_idx" ON "ShareLink"("engagementId");

-- CreateIndex
CREATE INDEX "ShareLinkAccess_shareLinkId_idx" ON "ShareLinkAccess"("shareLinkId");

-- CreateIndex
CREATE INDEX "ImportBatch_engagementId_createdAt_idx" ON "ImportBatch"("engagementId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_engagementId_id_idx" ON "AuditEvent"("engagementId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_chainKey_id_idx" ON "AuditEvent"("chainKey", "id");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataEntity" ADD CONSTRAINT "DataEntity_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowItem" ADD CONSTRAINT "WorkflowItem_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowComment" ADD CONSTRAINT "WorkflowComment_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowComment" ADD CONSTRAINT "WorkflowComment_workflowItemId_fkey" FOREIGN KEY ("workflowItemId") REFERENCES "WorkflowItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowSignOff" ADD CONSTRAINT "WorkflowSignOff_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditTrailPolicy" ADD CONSTRAINT "AuditTrailPolicy_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskLibraryEntry" ADD CONSTRAINT "RiskLibraryEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLinkAccess" ADD CONSTRAINT "ShareLinkAccess_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written (not generated from schema.prisma): the audit log is append-only.
-- INVARIANT: UPDATE and DELETE of an "AuditEvent" row raise an error; corrections are new events.
-- (TRUNCATE and DROP remain possible for the schema owner: db:reset and test resets use them)
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Record a new audit event instead of changing or removing one.';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
