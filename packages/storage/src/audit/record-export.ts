/** Every export of personal data leaves an audit entry (who, what, which format), never the data. */
import { transact } from '../db/transact.js';
import type { Store } from '../store.js';
import { appendAudit, type Actor } from './audit-store.js';

/** Appends an `export` event for a file that is about to be handed out. */
export async function recordExport(
  store: Store,
  actor: Actor,
  entity: string,
  entityId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await transact(store.db, (trx) =>
    appendAudit(trx, actor, { action: 'export', entity, entityId, detail }),
  );
}
