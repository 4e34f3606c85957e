/** MappingStore over Kysely: one row per mapping, its definition as JSON. */
import type { FormMapping } from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import type { MappingStore, StoredFormMapping } from './mapping-store.js';

const stored = (r: { definition: unknown; updated_at: Date; updated_by: string }) => ({
  mapping: r.definition as FormMapping,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/** MappingStore over Kysely. */
export class KyselyMappings implements MappingStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(name: string): Promise<StoredFormMapping | undefined> {
    const row = await this.db
      .selectFrom('import_mappings')
      .select(['definition', 'updated_at', 'updated_by'])
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? stored(row) : undefined;
  }

  async list(): Promise<StoredFormMapping[]> {
    const rows = await this.db
      .selectFrom('import_mappings')
      .select(['definition', 'updated_at', 'updated_by'])
      .orderBy('name')
      .execute();
    return rows.map(stored);
  }

  save(mapping: FormMapping, actor: Actor): Promise<boolean> {
    return transact(this.db, async (trx) => {
      const before = await trx
        .selectFrom('import_mappings')
        .select('name')
        .where('name', '=', mapping.name)
        .executeTakeFirst();
      const definition = JSON.stringify(mapping);
      await trx
        .insertInto('import_mappings')
        .values({ name: mapping.name, source: mapping.source, definition, updated_by: actor.name })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            source: mapping.source,
            definition,
            updated_by: actor.name,
            updated_at: new Date(),
          }),
        )
        .execute();
      await appendAudit(trx, actor, {
        action: 'registry.mapping-save',
        entity: 'import-mapping',
        entityId: mapping.name,
        detail: {
          source: mapping.source,
          columns:
            Object.keys(mapping.households.fields).length +
            Object.keys(mapping.members?.fields ?? {}).length,
          created: !before,
        },
      });
      return !before;
    });
  }
}
