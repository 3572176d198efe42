-- Hand-written (issue 13): the InventoryTally triggers no longer keep a key whose count went back to 0.
-- Each trigger's upsert returns the keys it left at 0 and a helper deletes exactly those rows — rows this
-- statement has just locked, so no new lock is taken and the lock order stays the upsert's (engagement, key).
-- A tally holds only non-zero counts, as `inventory_tally_rebuild()` (and so `npm run db:restore`) makes it:
-- a backup round trip compares the live tally with the recomputed one as is. Existing zero rows go at the end.

CREATE FUNCTION "inventory_tally_drop_zeros"(inv text, zero_eng text[], zero_key text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF zero_eng IS NULL THEN
    RETURN;
  END IF;
  DELETE FROM "InventoryTally" t
   USING unnest(zero_eng, zero_key) AS z("engagementId", "key")
   WHERE t."engagementId" = z."engagementId" AND t."inventory" = inv AND t."key" = z."key" AND t."n" = 0;
END
$$;

CREATE OR REPLACE FUNCTION "tally_data_entity_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zero_eng text[];
  zero_key text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'data', k."key", sum(k."amount")
        FROM new_rows r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSIF TG_OP = 'DELETE' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'data', k."key", -sum(k."amount")
        FROM old_rows r CROSS JOIN LATERAL "tally_data_entity_keys"(r."recordCount", r."decision", r."entity", r."mappingStatus", r."sourceSystem", r."quirks") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSE
    WITH up AS (
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
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  END IF;
  PERFORM "inventory_tally_drop_zeros"('data', zero_eng, zero_key);
  RETURN NULL;
END
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
        FROM new_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
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
        FROM old_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
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
          SELECT r."engagementId", k."key", k."amount" FROM new_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
          UNION ALL
          SELECT r."engagementId", k."key", -k."amount" FROM old_rows r CROSS JOIN LATERAL "tally_workflow_item_keys"(r."kind", r."complexity", r."disposition", r."reviewStatus", r."quantity") k
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

CREATE OR REPLACE FUNCTION "tally_integration_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zero_eng text[];
  zero_key text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'integrations', k."key", sum(k."amount")
        FROM new_rows r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSIF TG_OP = 'DELETE' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'integrations', k."key", -sum(k."amount")
        FROM old_rows r CROSS JOIN LATERAL "tally_integration_keys"(r."kind", r."standard", r."direction", r."transitionStrategy", r."clinicalImpact", r."complexity", r."status") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSE
    WITH up AS (
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
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  END IF;
  PERFORM "inventory_tally_drop_zeros"('integrations', zero_eng, zero_key);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "tally_report_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zero_eng text[];
  zero_key text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'reports', k."key", sum(k."amount")
        FROM new_rows r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSIF TG_OP = 'DELETE' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'reports', k."key", -sum(k."amount")
        FROM old_rows r CROSS JOIN LATERAL "tally_report_keys"(r."kind", r."frequency", r."complexity", r."status", r."reproducibilityPlan") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSE
    WITH up AS (
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
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  END IF;
  PERFORM "inventory_tally_drop_zeros"('reports', zero_eng, zero_key);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "tally_risk_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zero_eng text[];
  zero_key text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'risks', k."key", sum(k."amount")
        FROM new_rows r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSIF TG_OP = 'DELETE' THEN
    WITH up AS (
      INSERT INTO "InventoryTally" AS t ("engagementId", "inventory", "key", "n")
      SELECT r."engagementId", 'risks', k."key", -sum(k."amount")
        FROM old_rows r CROSS JOIN LATERAL "tally_risk_keys"(r."status", r."category", r."treatment", r."phase", r."owner", r."residualLikelihood", r."residualImpact", r."nextReviewDate") k
       WHERE EXISTS (SELECT 1 FROM "Engagement" e WHERE e."id" = r."engagementId")
       GROUP BY r."engagementId", k."key" HAVING sum(k."amount") <> 0
       ORDER BY 1, 3
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  ELSE
    WITH up AS (
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
      ON CONFLICT ("engagementId", "inventory", "key") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
      RETURNING t."engagementId", t."key", t."n")
    SELECT array_agg(up."engagementId"), array_agg(up."key") INTO zero_eng, zero_key FROM up WHERE up."n" = 0;
  END IF;
  PERFORM "inventory_tally_drop_zeros"('risks', zero_eng, zero_key);
  RETURN NULL;
END
$$;

DELETE FROM "InventoryTally" WHERE "n" = 0;
