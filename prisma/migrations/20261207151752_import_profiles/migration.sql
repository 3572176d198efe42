-- CreateTable
CREATE TABLE "ImportProfile" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "inventory" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shape" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "columnMappings" JSONB NOT NULL,
    "valueMappings" JSONB NOT NULL,
    "fill" JSONB NOT NULL DEFAULT '{}',
    "sourceFileName" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportProfile_organizationId_inventory_shape_idx" ON "ImportProfile"("organizationId", "inventory", "shape");

-- CreateIndex
CREATE UNIQUE INDEX "ImportProfile_organizationId_inventory_name_key" ON "ImportProfile"("organizationId", "inventory", "name");

-- AddForeignKey
ALTER TABLE "ImportProfile" ADD CONSTRAINT "ImportProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
