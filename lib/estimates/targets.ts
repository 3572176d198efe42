// The probability of meeting a target lives in the engine (lib/estimate/targets.ts); re-exported here for
// the callers that read it from lib/estimates.
export { percentileBracket, probabilityAtOrBelow, probabilityOfBudget, probabilityOfCompletionBy, probabilityOfGoLiveBy } from "@/lib/estimate/targets";
