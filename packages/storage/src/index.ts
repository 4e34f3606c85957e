export * from './audit/audit-store.js';
export * from './db/open.js';
export type { Database } from './db/schema.js';
export type { PlanningCase } from './registry/planning-cases.js';
export * from './registry/registry-store.js';
export * from './store.js';
export { normaliseForIndex, Vault } from './vault/vault.js';
export * from './movements/movement-store.js';
export * from './plans/plan-store.js';
