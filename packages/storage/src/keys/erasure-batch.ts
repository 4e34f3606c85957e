/**
 * Erasures are batched: each one deletes the person's wrapped key at once (nothing reads them
 * again), and one key rotation makes every erasure of the batch final on disk. The batch ends
 * `windowMs` after its first erasure, when the store closes, or at once when asked (`--now`); a
 * process that dies first leaves it to the next open, which finishes it before anything else.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../vault/vault.js';
import { rotateKeys, type Rotation } from './rotate-keys.js';

/** Finishes batched erasures; one per open store, shared by its transactions. */
export class ErasureBatch {
  private timer: NodeJS.Timeout | undefined;
  private due: Date | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    /** How long a batch stays open after its first erasure. */
    readonly windowMs: number,
  ) {}

  /** Notes a new erasure; returns when the batch it joined will be final at the latest. */
  schedule(now = new Date()): Date {
    if (this.due && this.timer) return this.due;
    this.due = new Date(now.getTime() + this.windowMs);
    this.timer = setTimeout(() => {
      this.finish().catch(() => undefined);
    }, this.windowMs);
    this.timer.unref();
    return this.due;
  }

  /** Rotates the keys now when any erasure waits (once at a time); undefined when none waited. */
  finish(): Promise<Rotation | undefined> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due = undefined;
    const run = this.chain.then(async () => {
      const pending = await this.db
        .selectFrom('key_erasures')
        .select('person_id')
        .where('final_at', 'is', null)
        .executeTakeFirst();
      return pending ? rotateKeys(this.db, this.vault) : undefined;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}
