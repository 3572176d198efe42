// Where each assumption lives on the assumptions page (element ids), so "Explain" on the estimate page
// can link an input or a constant straight to its field. Pure (client + server).
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { constantDefinition } from "@/lib/assumptions/schema";

/** Inputs named in the engine's explanations that are assumptions fields (not inventory facts). */
const INPUT_FIELDS: Record<string, string> = {
  teamFte: "teamFte",
  interfaceEngineers: "interfaceEngineers",
  productiveHoursPerWeek: "productiveHoursPerWeek",
  buildFunctionPoints: "buildFunctionPoints",
  archiveMonths: "license.archiveMonths",
  archiveFeeCentsPerMonth: "license.archiveFee",
  destinationBillingStart: "license.destinationBillingStart",
  destinationMonthlyCents: "license.destinationFee",
  sourceMonthlyCents: "license.sources",
  implementationFeeCents: "license.implementationFee",
  waves: "waves",
  derivedWaves: "waves",
  targetGoLive: "targetGoLive",
  targetBudgetCents: "targetBudget",
};

/** Element id of a form field ("teamFte", "license.destinationFee", "waves"). */
export function fieldAnchor(field: string): string {
  return `field-${field}`;
}

export function rateAnchor(workstream: string): string {
  return `rate-${workstream}`;
}

export function constantAnchor(key: string): string {
  return `constant-${key}`;
}

/** The anchor of a constant key (rates included), or null when it is not a model constant. */
export function anchorForConstant(key: string): string | null {
  if (key.startsWith("rate.") && (WORKSTREAMS as readonly string[]).includes(key.slice(5))) return rateAnchor(key.slice(5));
  return constantDefinition(key) ? constantAnchor(key) : null;
}

/** The anchor of an explanation input, or null when the input is not an assumption (e.g. an inventory count). */
export function anchorForInput(input: string): string | null {
  const field = INPUT_FIELDS[input];
  return field ? fieldAnchor(field) : null;
}
