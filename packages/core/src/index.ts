export * from './countries.js';
export * from './dedup.js';
export * from './demo/generate.js';
export * from './errors.js';
export { errorMessages, localizeError, type ErrorMessageKey } from './error-text.js';
export {
  isLocale,
  localeOfEnvironment,
  localeOfLanguages,
  localeOfTag,
  locales,
  negotiateLocale,
  type Locale,
} from './locale.js';
export * from './mrz.js';
export * from './needs.js';
export * from './random.js';
export * from './roles.js';
export * from './schemas.js';
export * from './person-edit.js';
export * from './query-values.js';
export * from './pledges.js';
export * from './units.js';
export * from './workflow.js';
export * from './demo/movements.js';
export { finalGroup, finalGroupSize, generateDemoProcedures } from './demo/final-group.js';
export * from './hazard.js';
export * from './exposure-risk.js';
export * from './demo/incidents.js';
export * from './demo/messages.js';
export * from './access.js';
export * from './redact.js';
export * from './dates.js';
export * from './hxl.js';
export * from './import-columns.js';
export * from './import-layout.js';
export * from './import-values.js';
export * from './import-validate.js';
export * from './import-plan.js';
export * from './form-mapping.js';
export * from './form-rows.js';
export * from './export-rows.js';
export * from './checkin.js';
export * from './checkin-shapes.js';
export * from './checkin-canonical.js';
export * from './travel-together.js';
export * from './slip-code.js';
export * from './special-seats.js';
export * from './outcome.js';
export * from './edifact.js';
export * from './paxlst.js';
export * from './paxlst-validate.js';
export * from './manifest.js';
export * from './situation.js';
export * from './movement-defaults.js';
export * from './currencies.js';
export * from './property.js';
export * from './property-report.js';
export * from './custody.js';
export * from './grievance.js';
export * from './after-arrival.js';
export * from './demo/property.js';
export * from './demo/belongings.js';
export * from './redact-records.js';
export * from './move-check.js';
export * from './policies/index.js';
export * from './redact-output.js';
export * from './webhooks.js';
export * from './movement-rules.js';
export * from './candidates.js';
export * from './incident-rows.js';
export * from './retention.js';
export * from './processing-record.js';
export * from './consent.js';
export * from './procedures.js';
export * from './messages.js';
