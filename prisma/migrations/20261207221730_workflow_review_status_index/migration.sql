-- CreateIndex
CREATE INDEX "WorkflowItem_engagementId_reviewStatus_idx" ON "WorkflowItem"("engagementId", "reviewStatus");
