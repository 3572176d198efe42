-- CreateTable
CREATE TABLE "EstimateResult" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'current',
    "inputHash" TEXT NOT NULL,
    "inputsRevision" BIGINT NOT NULL DEFAULT 0,
    "seed" INTEGER NOT NULL,
    "iterations" INTEGER NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'computing',
    "estimate" JSON,
    "summary" JSONB,
    "error" TEXT NOT NULL DEFAULT '',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "engineMs" DOUBLE PRECISION,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "computedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EstimateResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstimateInputsRevision" (
    "engagementId" TEXT NOT NULL,
    "revision" BIGINT NOT NULL DEFAULT 0,
    "txid" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "EstimateInputsRevision_pkey" PRIMARY KEY ("engagementId")
);

-- CreateTable
CREATE TABLE "JobProgress" (
    "jobId" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobProgress_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "EstimateResult_engagementId_kind_seed_iterations_engineVers_idx" ON "EstimateResult"("engagementId", "kind", "seed", "iterations", "engineVersion", "inputsRevision");

-- CreateIndex
CREATE INDEX "EstimateResult_engagementId_kind_status_computedAt_idx" ON "EstimateResult"("engagementId", "kind", "status", "computedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EstimateResult_engagementId_inputHash_key" ON "EstimateResult"("engagementId", "inputHash");

-- AddForeignKey
ALTER TABLE "EstimateResult" ADD CONSTRAINT "EstimateResult_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Estimate inputs revision (hand-written). INVARIANT: every write to a table that
-- loadEngagementDocument reads bumps the engagement's revision once per transaction, so a stored
-- estimate read at an older revision is known to be stale without loading the document. The revision
-- comes from a sequence (never reused); the ON CONFLICT ... WHERE makes the 2nd..nth row of one
-- transaction a no-op (a 5,000-row import writes the revision row once).
CREATE SEQUENCE "estimate_inputs_revision_seq";

CREATE FUNCTION "bump_estimate_inputs_revision"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  eid text;
BEGIN
  IF TG_TABLE_NAME = 'Engagement' THEN
    eid := NEW."id";
  ELSIF TG_OP = 'DELETE' THEN
    eid := OLD."engagementId";
  ELSE
    eid := NEW."engagementId";
  END IF;
  INSERT INTO "EstimateInputsRevision" ("engagementId", "revision", "txid")
    VALUES (eid, nextval('estimate_inputs_revision_seq'), txid_current())
    ON CONFLICT ("engagementId") DO UPDATE
      SET "revision" = EXCLUDED."revision", "txid" = EXCLUDED."txid"
      WHERE "EstimateInputsRevision"."txid" <> EXCLUDED."txid";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Engagement_estimate_inputs" AFTER INSERT OR UPDATE ON "Engagement"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
CREATE TRIGGER "DataEntity_estimate_inputs" AFTER INSERT OR UPDATE OR DELETE ON "DataEntity"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
CREATE TRIGGER "WorkflowItem_estimate_inputs" AFTER INSERT OR UPDATE OR DELETE ON "WorkflowItem"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
CREATE TRIGGER "Integration_estimate_inputs" AFTER INSERT OR UPDATE OR DELETE ON "Integration"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
CREATE TRIGGER "Report_estimate_inputs" AFTER INSERT OR UPDATE OR DELETE ON "Report"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
CREATE TRIGGER "Risk_estimate_inputs" AFTER INSERT OR UPDATE OR DELETE ON "Risk"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
CREATE TRIGGER "AuditTrailPolicy_estimate_inputs" AFTER INSERT OR UPDATE OR DELETE ON "AuditTrailPolicy"
  FOR EACH ROW EXECUTE FUNCTION "bump_estimate_inputs_revision"();
