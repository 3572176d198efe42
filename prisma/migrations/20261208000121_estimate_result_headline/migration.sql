-- AlterTable
ALTER TABLE "EstimateResult" ADD COLUMN     "headline" JSONB;

-- Hand-written: results stored before this column get their headline on first read by the overview
-- (loadCurrentHeadline fills it from the full result); new results are stored with it (completeResult).
