-- AlterTable
ALTER TABLE "WorkflowItem" ADD COLUMN     "approvedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "WorkflowItem_engagementId_updatedAt_idx" ON "WorkflowItem"("engagementId", "updatedAt");

-- ---------------------------------------------------------------------------------------------------
-- Hand-written (issue 13, sign-off status flat in row count):
-- 1. "approvedAt" is the time of the item's latest approval verdict, kept by a trigger on WorkflowComment
--    (whatever writes the comment), so whether an approved item changed since its approval is a property of
--    its row — the same rule as isApprovalStale (updatedAt after the approval; no approval recorded here:
--    version moved on).
-- 2. The workflows tally gets the key "changedSinceApproval" (the sign-off status reads it instead of every
--    approved item and every approval): the keys function takes version, updatedAt and approvedAt.
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION "workflow_comment_approved_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "WorkflowItem" w SET "approvedAt" = GREATEST(COALESCE(w."approvedAt", NEW."createdAt"), NEW."createdAt")
   WHERE w."id" = NEW."workflowItemId" AND w."engagementId" = NEW."engagementId";
  RETURN NULL;
END
$$;

CREATE TRIGGER "WorkflowComment_approved_at" AFTER INSERT ON "WorkflowComment" FOR EACH ROW WHEN (NEW."verdict" = 'approved') EXECUTE FUNCTION "workflow_comment_approved_at"();

CREATE FUNCTION "tally_workflow_item_keys"(kind text, complexity text, disposition text, review_status text, quantity integer, version integer, updated_at timestamp, approved_at timestamp) RETURNS TABLE ("key" text, "amount" bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT v.key, v.amount FROM (VALUES
    ('rows', 1::bigint),
    ('quantity', quantity::bigint),
    ('incomplete', CASE WHEN disposition = 'undecided' OR review_status = 'not_reviewed' THEN 1 ELSE 0 END::bigint),
    ('kind:' || kind, 1::bigint),
    ('complexity:' || complexity, 1::bigint),
    ('disposition:' || disposition, 1::bigint),
    ('reviewStatus:' || review_status, 1::bigint),
    ('quantity:complexity:' || complexity, quantity::bigint),
    ('quantity:disposition:' || disposition, quantity::bigint),
    ('quantity:reviewStatus:' || review_status, quantity::bigint),
    -- approved, and edited after its latest approval in Sounding — or approved without one recorded here (an
    -- import, the seed) and edited since it came in (lib/workflow-review/schema.ts isApprovalStale)
    ('changedSinceApproval', CASE WHEN review_status = 'approved' AND ((approved_at IS NOT NULL AND updated_at > approved_at) OR (approved_at IS NULL AND version > 1)) THEN 1 ELSE 0 END::bigint)
  ) AS v(key, amount)
  WHERE v.amount <> 0
$$;

CREATE OR REPLACE FUNCTION "tally_workflow_item_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zero_eng text[];
  zero_key text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'workflows', k."key", sum(k."amount")
        FROM new_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity", r."version", r."updatedAt", r."approvedAt") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSIF TG_OP = 'DELETE' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'workflows', k."key", -sum(k."amount")
        FROM old_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity", r."version", r."updatedAt", r."approvedAt") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSE
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT c."engagementId", 'workflows', c."key", sum(c."amount")
        FROM (
          SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity", r."version", r."updatedAt", r."approvedAt") k
          UNION ALL
          SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity", r."version", r."updatedAt", r."approvedAt") k
        ) c
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = c."engagementId")
       GROUP BY c."engagementId", c."key" HAVING sum(c."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  END IF;
  PERFORM "inventory_tally_drop_zeros"('workflows', zero_eng, zero_key);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "inventory_tally_rebuild"() RETURNS void LANGUAGE sql AS $$
DELETE FROM "InventoryTally";
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'data', k."key", sum(k."amount")
  FROM "DataEntity" r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
 GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0;
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'workflows', k."key", sum(k."amount")
  FROM "WorkflowItem" r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity", r."version", r."updatedAt", r."approvedAt") k
 GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0;
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'integrations', k."key", sum(k."amount")
  FROM "Integration" r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
 GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0;
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'reports', k."key", sum(k."amount")
  FROM "Report" r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
 GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0;
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'risks', k."key", sum(k."amount")
  FROM "Risk" r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
 GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0;
$$;

DROP FUNCTION "tally_workflow_item_keys"(text, text, text, text, integer);

-- backfill: each item's latest approval (row triggers off: this is not an edit — no estimate recomputation,
-- and the tally is recomputed once below)
ALTER TABLE "WorkflowItem" DISABLE TRIGGER USER;
UPDATE "WorkflowItem" w SET "approvedAt" = a."at"
  FROM (SELECT "workflowItemId", max("createdAt") AS "at" FROM "WorkflowComment" WHERE "verdict" = 'approved' GROUP BY "workflowItemId") a
 WHERE w."id" = a."workflowItemId";
ALTER TABLE "WorkflowItem" ENABLE TRIGGER USER;

SELECT "inventory_tally_rebuild"();
