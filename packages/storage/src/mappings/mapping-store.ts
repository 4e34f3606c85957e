/** Saved form mappings for KoBoToolbox / ODK and Primero imports (issue 23 item 4). */
import type { FormMapping } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** A mapping as stored, with who saved it last and when. */
export interface StoredFormMapping {
  mapping: FormMapping;
  updatedAt: string;
  updatedBy: string;
}

/** The mappings capability. */
export interface MappingStore {
  /** The mapping saved under `name`, if any. */
  get(name: string): Promise<StoredFormMapping | undefined>;
  /** Every saved mapping, by name. */
  list(): Promise<StoredFormMapping[]>;
  /** Saves (or replaces) a mapping, audited as `registry.mapping-save`; true when it is new. */
  save(mapping: FormMapping, actor: Actor): Promise<boolean>;
}
