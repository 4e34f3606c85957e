/**
 * Answers to repeated reads on the embedded database, kept until a table they read is written.
 * Exact, not a guess at freshness: on PGlite one connection in one process serves every query (the
 * data folder is locked), so every write passes here first. A read's answer is kept under each
 * table its text names; a write (an `insert into`, `update` or `delete from` one table: the schema
 * has no triggers, views or functions that would write or read others) drops at once, before and
 * after it runs, every answer kept under its table; any other statement drops them all. So what is
 * kept is always what the database would answer, and an erasure's writes leave no answer that held
 * the erased values (sealed, as the database holds them) in memory. Not kept: reads inside a
 * transaction, reads that lock rows or call anything volatile (the clock, sequences, random,
 * settings), large answers. Every caller gets its own copy of the rows.
 */

/** A query's answer as the dialect passes it on. */
export interface CachedAnswer {
  rows: unknown[];
  affectedRows?: number;
  command?: string;
}

type Kind =
  | { kind: 'read'; tables: string[] }
  | { kind: 'write'; table: string }
  | { kind: 'transaction' }
  | { kind: 'uncached' }
  | { kind: 'other'; ddl: boolean };

const volatile =
  /\b(now|random|nextval|currval|setval|lastval|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|current_date|current_time|current_timestamp|localtime|localtimestamp|gen_random_uuid|uuid_generate_v\d|txid_\w+|pg_\w+|lo_\w+|set_config|current_setting|current_user|session_user|inet_\w+)\b/i;
const locking = /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i;
const simpleWrite = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?[\s(]/i;

/** Kept answers: at most `maxEntries`, each at most `maxRows` rows, `maxTotalRows` rows in all. */
export class QueryCache {
  /** Every kept answer is valid: a write drops the answers that read its table at once. */
  private readonly entries = new Map<string, { answer: CachedAnswer; tables: string[] }>();
  private readonly byTable = new Map<string, Set<string>>();
  private readonly kinds = new Map<string, Kind>();
  /** Bumped by every write, so that an answer read while one ran is not kept. */
  private writes = 0;
  private tables: Set<string> | null = null;
  /** Counters, for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0, dropped: 0 };

  constructor(
    private readonly listTables: () => Promise<string[]>,
    private readonly maxEntries = 512,
    private readonly maxRows = 2_000,
    private readonly maxTotalRows = 50_000,
  ) {}

  /** Rows held by the kept answers (what bounds the cache's memory). */
  private totalRows = 0;

  /** How many answers are kept. */
  get size(): number {
    return this.entries.size;
  }

  private async kindOf(sql: string): Promise<Kind> {
    const known = this.kinds.get(sql);
    if (known) return known;
    let kind: Kind;
    const write = simpleWrite.exec(sql);
    if (/^\s*select\b/i.test(sql) && /\bset_config\b/i.test(sql)) {
      // A setting may change how later answers read (a time zone, a date style).
      kind = { kind: 'other', ddl: false };
    } else if (/^\s*select\b/i.test(sql) && (locking.test(sql) || volatile.test(sql))) {
      // Reads that lock rows or call the clock, a sequence or an advisory lock: run every time,
      // and they change no table (the schema has no functions of its own that would).
      kind = { kind: 'uncached' };
    } else if (/^\s*select\b/i.test(sql)) {
      this.tables ??= new Set(await this.listTables());
      const words = sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [];
      kind = { kind: 'read', tables: [...new Set(words.filter((w) => this.tables!.has(w)))] };
    } else if (
      /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release)\b/i.test(sql)
    ) {
      // A transaction's writes drop answers as they run; nothing is kept inside one.
      kind = { kind: 'transaction' };
    } else if (write && !/^\s*with\b/i.test(sql)) {
      kind = { kind: 'write', table: write[1]!.toLowerCase() };
    } else {
      kind = { kind: 'other', ddl: /^\s*(create|alter|drop|truncate|comment)\b/i.test(sql) };
    }
    if (this.kinds.size < 10_000) this.kinds.set(sql, kind);
    return kind;
  }

  private keyOf(sql: string, params: readonly unknown[]): string | null {
    const key = `${sql}\u0000${JSON.stringify(params, (_k, v: unknown) =>
      typeof v === 'bigint'
        ? `bigint:${v}`
        : v instanceof Uint8Array
          ? `bytes:${Buffer.from(v).toString('base64')}`
          : v,
    )}`;
    return key.length > 20_000 ? null : key;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalRows -= entry.answer.rows.length;
    this.stats.dropped++;
    for (const t of entry.tables) this.byTable.get(t)?.delete(key);
  }

  private dropAll(): void {
    this.stats.dropped += this.entries.size;
    this.entries.clear();
    this.byTable.clear();
    this.totalRows = 0;
  }

  /**
   * Runs `sql` by `run`, or answers it from a kept answer (no table it reads was written since).
   * `inTransaction`: the connection is inside a transaction (nothing kept or answered).
   */
  async query(
    sql: string,
    params: readonly unknown[],
    inTransaction: boolean,
    run: () => Promise<CachedAnswer>,
  ): Promise<CachedAnswer> {
    const kind = await this.kindOf(sql);
    if (kind.kind === 'write' || kind.kind === 'other') {
      // Dropped before and after: a statement that fails halfway may still have changed something.
      const forget = () => {
        this.writes++;
        if (kind.kind === 'write')
          for (const key of [...(this.byTable.get(kind.table) ?? [])]) this.drop(key);
        else this.dropAll();
      };
      forget();
      if (kind.kind === 'other' && kind.ddl) this.tables = null;
      try {
        return await run();
      } finally {
        forget();
      }
    }
    if (kind.kind === 'transaction' || kind.kind === 'uncached') return run();
    if (inTransaction || kind.tables.length === 0) return run();
    const key = this.keyOf(sql, params);
    if (key === null) return run();
    const kept = this.entries.get(key);
    if (kept) {
      this.stats.hits++;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, kept);
      return structuredClone(kept.answer);
    }
    this.stats.misses++;
    const writes = this.writes;
    const answer = await run();
    if (answer.rows.length <= this.maxRows && writes === this.writes) {
      this.entries.set(key, { answer: structuredClone(answer), tables: kind.tables });
      for (const t of kind.tables) {
        let keys = this.byTable.get(t);
        if (!keys) this.byTable.set(t, (keys = new Set()));
        keys.add(key);
      }
      this.totalRows += answer.rows.length;
      // The least recently used go first.
      while (this.entries.size > this.maxEntries || this.totalRows > this.maxTotalRows)
        this.drop(this.entries.keys().next().value!);
    }
    return answer;
  }
}
