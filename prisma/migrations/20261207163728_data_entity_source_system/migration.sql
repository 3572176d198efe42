-- AlterTable
ALTER TABLE "DataEntity" ADD COLUMN     "sourceSystem" TEXT NOT NULL DEFAULT '';
