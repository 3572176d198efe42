// The data inventory: what lives in the source system, how much of it, and what happens to it.
import { z } from "zod";
import { DATA_ENTITY_KINDS, MAPPING_STATUSES, MIGRATE_DECISIONS, QuirkSchema } from "@/lib/engagement-format/vocabularies";
import { defineInventory } from "@/lib/inventories/definition";
import { choice, customField, requiredChoice, requiredTextField, textField, unknownCount, unknownDecimal, yesNoField } from "@/lib/inventories/fields";
import { NOTES } from "@/lib/inventories/definitions/common";

export const DATA_DEFINITION = defineInventory({
  key: "data",
  label: "Data inventory",
  noun: "data entity",
  nounPlural: "data entities",
  entityType: "data_entity",
  section: "data",
  keyFields: ["entity", "sourceObject"],
  keyMessage: "This engagement already has this source object for this entity",
  defaultSort: "entity",
  searchPlaceholder: "Search source objects…",
  fields: {
    entity: requiredChoice(DATA_ENTITY_KINDS, {
      label: "Entity", key: true, message: "Choose the kind of entity", table: true, sort: true, filter: "entity",
      aliases: ["Entity type", "Data entity", "Data type", "Entity kind", "Data category", "Data domain", "Domain"],
      help: "What kind of clinical or administrative data this is.",
    }),
    sourceObject: requiredTextField(200, {
      label: "Source object", key: true, table: true, sort: true, search: true,
      placeholder: "e.g. PATIENTS table, /scans share", hint: "The table, file set or module it comes from",
      aliases: ["Source table", "Source tables", "Table", "Table name", "Source", "Object", "Source entity", "Source object name", "Legacy table", "Source location"],
      help: "Where it lives in the source system (table, module, file share). With Entity, identifies the row.",
    }),
    sourceSystem: textField(200, {
      label: "Source system", bulk: true, table: true, sort: true, filter: "system", search: true, placeholder: "e.g. athenaClinicals, legacy billing (Medisoft)",
      hint: "Which system it comes from, when the engagement migrates from several",
      aliases: ["System", "Source application", "Application", "Source EMR", "Source EHR", "Legacy system", "Source system name", "From system"],
      help: "The source system it lives in, when there are several (each with its own licence); blank = the engagement's source system.",
    }),
    recordCount: unknownCount(10_000_000_000_000, {
      label: "Records", header: "Record count", storage: "bigint", table: true, sort: true,
      placeholder: "e.g. 1,250,000", hint: "Approximate is fine; leave empty if unknown",
      aliases: ["Records", "# records", "Approx. records", "Number of records", "Row count", "Rows", "Volume", "Record volume", "Est. records", "Total records"],
      help: "Approximate number of records. Thousands separators, 1.2M and 45k are fine; blank = unknown.",
    }),
    yearsCovered: unknownDecimal(100, {
      label: "Years covered", table: "Years", sort: true, placeholder: "e.g. 12",
      aliases: ["Years of data", "Years", "History (years)", "Years of history", "Data years", "Lookback (years)"],
      help: "How many years of history the source holds; blank = unknown.",
    }),
    decision: choice(MIGRATE_DECISIONS, "undecided", {
      label: "Decision", bulk: true, table: true, sort: true, filter: "decision",
      aliases: ["Migrate?", "Migration decision", "Migrate decision", "Migrate / archive", "Migrate or archive"],
      help: "Migrate, keep in a read-only archive, leave behind, or not decided yet.",
    }),
    destinationEntity: textField(200, {
      label: "Destination entity", table: "Destination", sort: true, search: true, placeholder: "e.g. athenaOne Patient, FHIR Observation",
      aliases: ["Destination", "Destination object", "Target", "Target entity", "Target table", "Maps to", "Destination table", "Mapping target"],
      help: "What it maps to in the destination model.",
    }),
    mappingStatus: choice(MAPPING_STATUSES, "not_started", {
      label: "Mapping", bulk: true, header: "Mapping status", table: true, sort: true, filter: "mapping",
      aliases: ["Mapping", "Map status", "Mapping state"],
      help: "How far the source → destination mapping is.",
    }),
    cleanupInScope: yesNoField({
      label: "Cleanup in scope", bulk: true, hint: "We clean the data (rather than the client before extraction)",
      aliases: ["Cleanup", "Clean up in scope", "Cleanup?", "Data cleanup", "Cleanup in scope?", "In scope for cleanup"],
      help: "Is data cleanup part of our scope for this entity? Yes/No (also True/False, X).",
    }),
    decider: textField(200, {
      label: "Decided by", bulk: true, header: "Decider", search: true, placeholder: "Who decides per case, e.g. HIM director",
      aliases: ["Decided by", "Decision owner", "Who decides", "Decision maker"],
      help: "Who decides cleanup and migration questions for this entity.",
    }),
    notes: NOTES,
    quirks: customField("quirks", z.array(QuirkSchema).default([]), {
      label: "Quirks", storage: "json", table: true,
      aliases: ["Known quirks", "Data quality issues", "Data quality", "Issues", "Quirk", "DQ issues"],
      help: "Known data-quality quirks, one cell: kind:severity:affected[:cleanup decision[:decider[:description]]], separated by “;”. Example: unmerged_patients:high:1200; icd9_unconverted:medium:15%.",
    }),
  },
  example: {
    entity: "patient_demographics", sourceObject: "PATIENT_MASTER", sourceSystem: "Legacy EMR", recordCount: 138400, yearsCovered: 12, decision: "migrate",
    destinationEntity: "Patient", mappingStatus: "draft", cleanupInScope: true, decider: "HIM director",
    notes: "Includes charts from the 2021 acquisition",
    quirks: [
      { kind: "unmerged_patients", severity: "high", affectedCount: 4200, cleanupDecision: "cleanup_before" },
      { kind: "multiple_identifiers", severity: "medium", affectedShare: 0.13 },
    ],
  },
});
