-- CreateTable
CREATE TABLE "InventoryTally" (
    "engagementId" TEXT NOT NULL,
    "inventory" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "InventoryTally_pkey" PRIMARY KEY ("engagementId","inventory","key")
);

-- CreateIndex
CREATE INDEX "DataEntity_engagementId_sourceObject_idx" ON "DataEntity"("engagementId", "sourceObject");

-- CreateIndex
CREATE INDEX "DataEntity_engagementId_recordCount_idx" ON "DataEntity"("engagementId", "recordCount");

-- CreateIndex
CREATE INDEX "WorkflowItem_engagementId_name_idx" ON "WorkflowItem"("engagementId", "name");

-- CreateIndex
CREATE INDEX "Integration_engagementId_clinicalImpact_name_idx" ON "Integration"("engagementId", "clinicalImpact", "name");

-- AddForeignKey
ALTER TABLE "InventoryTally" ADD CONSTRAINT "InventoryTally_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------
-- Hand-written (not from the datamodel): the triggers that keep "InventoryTally" (issue 13, pages flat
-- in row count). For each inventory table, a function names the tally keys one row contributes to and
-- how much ("rows" 1, "decision:migrate" 1, "quantity" 4 …); statement-level triggers with transition
-- tables add the new rows' contributions and subtract the old rows', one upsert per statement (a
-- 5,000-row import is one tally update, not 5,000). Keys are upserted in key order, so concurrent
-- writers of one engagement queue on the same rows instead of deadlocking. When the engagement itself is
-- being deleted (the cascade), nothing is written: its tally rows go with it.
-- Changing what a key means: a new migration that replaces the function and recomputes the tally
-- (DELETE + the backfill INSERT at the end of this file).
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION "tally_data_entity_keys"(record_count bigint, decision text, entity text, mapping_status text, source_system text, quirks jsonb) RETURNS TABLE ("key" text, "amount" bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT v.key, v.amount FROM (VALUES
    ('rows', 1::bigint),
    ('knownRecords', coalesce(record_count, 0)),
    ('unknownCounts', CASE WHEN record_count IS NULL THEN 1 ELSE 0 END::bigint),
    ('incomplete', CASE WHEN record_count IS NULL OR decision = 'undecided' THEN 1 ELSE 0 END::bigint),
    ('entity:' || entity, 1::bigint),
    ('decision:' || decision, 1::bigint),
    ('mappingStatus:' || mapping_status, 1::bigint),
    ('sourceSystem:' || source_system, CASE WHEN source_system <> '' THEN 1 ELSE 0 END::bigint)
  ) AS v(key, amount)
  WHERE v.amount <> 0
  UNION ALL
  SELECT 'quirks', count(*) FROM jsonb_array_elements(CASE WHEN jsonb_typeof(quirks) = 'array' THEN quirks ELSE '[]'::jsonb END) HAVING count(*) > 0
  UNION ALL
  SELECT 'quirks:' || (q->>'severity'), count(*)
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(quirks) = 'array' THEN quirks ELSE '[]'::jsonb END) AS q
   WHERE q->>'severity' IN ('low', 'medium', 'high', 'critical')
   GROUP BY q->>'severity'
$$;

CREATE FUNCTION "tally_data_entity_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'data', k."key", sum(k."amount")
      FROM new_rows r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'data', k."key", -sum(k."amount")
      FROM old_rows r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT c."engagementId", 'data', c."key", sum(c."amount")
      FROM (
        SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
        UNION ALL
        SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
      ) c
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = c."engagementId")
     GROUP BY c."engagementId", c."key" HAVING sum(c."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "DataEntity_tally_insert" AFTER INSERT ON "DataEntity" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_data_entity_trigger"();
CREATE TRIGGER "DataEntity_tally_update" AFTER UPDATE ON "DataEntity" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_data_entity_trigger"();
CREATE TRIGGER "DataEntity_tally_delete" AFTER DELETE ON "DataEntity" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_data_entity_trigger"();


CREATE FUNCTION "tally_workflow_item_keys"(kind text, complexity text, disposition text, review_status text, quantity integer) RETURNS TABLE ("key" text, "amount" bigint) LANGUAGE sql IMMUTABLE AS $$
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
    ('quantity:reviewStatus:' || review_status, quantity::bigint)
  ) AS v(key, amount)
  WHERE v.amount <> 0
$$;

CREATE FUNCTION "tally_workflow_item_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'workflows', k."key", sum(k."amount")
      FROM new_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'workflows', k."key", -sum(k."amount")
      FROM old_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT c."engagementId", 'workflows', c."key", sum(c."amount")
      FROM (
        SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
        UNION ALL
        SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
      ) c
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = c."engagementId")
     GROUP BY c."engagementId", c."key" HAVING sum(c."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "WorkflowItem_tally_insert" AFTER INSERT ON "WorkflowItem" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_workflow_item_trigger"();
CREATE TRIGGER "WorkflowItem_tally_update" AFTER UPDATE ON "WorkflowItem" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_workflow_item_trigger"();
CREATE TRIGGER "WorkflowItem_tally_delete" AFTER DELETE ON "WorkflowItem" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_workflow_item_trigger"();


CREATE FUNCTION "tally_integration_keys"(kind text, standard text, direction text, transition_strategy text, clinical_impact text, complexity text, status text) RETURNS TABLE ("key" text, "amount" bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT v.key, v.amount FROM (VALUES
    ('rows', 1::bigint),
    ('kind:' || kind, 1::bigint),
    ('standard:' || standard, 1::bigint),
    ('direction:' || direction, 1::bigint),
    ('transitionStrategy:' || transition_strategy, 1::bigint),
    ('clinicalImpact:' || clinical_impact, 1::bigint),
    ('complexity:' || complexity, 1::bigint),
    ('status:' || status, 1::bigint)
  ) AS v(key, amount)
$$;

CREATE FUNCTION "tally_integration_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'integrations', k."key", sum(k."amount")
      FROM new_rows r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'integrations', k."key", -sum(k."amount")
      FROM old_rows r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT c."engagementId", 'integrations', c."key", sum(c."amount")
      FROM (
        SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
        UNION ALL
        SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
      ) c
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = c."engagementId")
     GROUP BY c."engagementId", c."key" HAVING sum(c."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Integration_tally_insert" AFTER INSERT ON "Integration" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_integration_trigger"();
CREATE TRIGGER "Integration_tally_update" AFTER UPDATE ON "Integration" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_integration_trigger"();
CREATE TRIGGER "Integration_tally_delete" AFTER DELETE ON "Integration" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_integration_trigger"();


CREATE FUNCTION "tally_report_keys"(kind text, frequency text, complexity text, status text, reproducibility_plan text) RETURNS TABLE ("key" text, "amount" bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT v.key, v.amount FROM (VALUES
    ('rows', 1::bigint),
    ('kind:' || kind, 1::bigint),
    ('frequency:' || frequency, 1::bigint),
    ('complexity:' || complexity, 1::bigint),
    ('status:' || status, 1::bigint),
    ('regulatoryWithoutPlan', CASE WHEN kind = 'regulatory' AND btrim(reproducibility_plan) = '' THEN 1 ELSE 0 END::bigint)
  ) AS v(key, amount)
  WHERE v.amount <> 0
$$;

CREATE FUNCTION "tally_report_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'reports', k."key", sum(k."amount")
      FROM new_rows r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'reports', k."key", -sum(k."amount")
      FROM old_rows r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT c."engagementId", 'reports', c."key", sum(c."amount")
      FROM (
        SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
        UNION ALL
        SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
      ) c
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = c."engagementId")
     GROUP BY c."engagementId", c."key" HAVING sum(c."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Report_tally_insert" AFTER INSERT ON "Report" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_report_trigger"();
CREATE TRIGGER "Report_tally_update" AFTER UPDATE ON "Report" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_report_trigger"();
CREATE TRIGGER "Report_tally_delete" AFTER DELETE ON "Report" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_report_trigger"();


CREATE FUNCTION "tally_risk_keys"(status text, category text, treatment text, phase text, owner text, residual_likelihood integer, residual_impact integer, next_review_date date) RETURNS TABLE ("key" text, "amount" bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT v.key, v.amount FROM (VALUES
    ('rows', 1::bigint),
    ('status:' || status, 1::bigint),
    ('category:' || category, 1::bigint),
    ('treatment:' || treatment, 1::bigint),
    ('phase:' || phase, 1::bigint),
    -- open = not closed; review dates kept per day so "overdue before <today>" is a sum over dates
    ('open:withoutOwner', CASE WHEN status <> 'closed' AND btrim(owner) = '' THEN 1 ELSE 0 END::bigint),
    ('open:residualNotAssessed', CASE WHEN status <> 'closed' AND (residual_likelihood IS NULL OR residual_impact IS NULL) THEN 1 ELSE 0 END::bigint),
    ('open:incomplete', CASE WHEN status <> 'closed' AND (btrim(owner) = '' OR residual_likelihood IS NULL OR residual_impact IS NULL) THEN 1 ELSE 0 END::bigint),
    ('open:review:' || coalesce(to_char(next_review_date, 'YYYY-MM-DD'), ''), CASE WHEN status <> 'closed' AND next_review_date IS NOT NULL THEN 1 ELSE 0 END::bigint)
  ) AS v(key, amount)
  WHERE v.amount <> 0
$$;

CREATE FUNCTION "tally_risk_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'risks', k."key", sum(k."amount")
      FROM new_rows r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT r."engagementId", 'risks', k."key", -sum(k."amount")
      FROM old_rows r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
     GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  ELSE
    INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
    SELECT c."engagementId", 'risks', c."key", sum(c."amount")
      FROM (
        SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
        UNION ALL
        SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
      ) c
     WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = c."engagementId")
     GROUP BY c."engagementId", c."key" HAVING sum(c."amount") <> 0
     ORDER BY 1, 3
    ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Risk_tally_insert" AFTER INSERT ON "Risk" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_risk_trigger"();
CREATE TRIGGER "Risk_tally_update" AFTER UPDATE ON "Risk" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_risk_trigger"();
CREATE TRIGGER "Risk_tally_delete" AFTER DELETE ON "Risk" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tally_risk_trigger"();


-- Recomputes every engagement's tally from the rows (the backfill below; `npm run db:restore` runs it
-- after loading a backup, whose rows are loaded with the triggers off or on depending on the role).
CREATE FUNCTION "inventory_tally_rebuild"() RETURNS void LANGUAGE sql AS $$
DELETE FROM "InventoryTally";
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'data', k."key", sum(k."amount")
  FROM "DataEntity" r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
 GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0;
INSERT INTO "InventoryTally" ("engagementId", "inventory", "key", "n")
SELECT r."engagementId", 'workflows', k."key", sum(k."amount")
  FROM "WorkflowItem" r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
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

SELECT "inventory_tally_rebuild"();
