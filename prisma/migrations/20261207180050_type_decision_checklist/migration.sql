-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN     "typeDecision" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "typeDecisionVersion" INTEGER NOT NULL DEFAULT 0;
