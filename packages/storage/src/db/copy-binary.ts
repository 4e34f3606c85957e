/**
 * PostgreSQL's binary COPY format for bulk inserts on PGlite: every value in its wire form, so the
 * database parses no JSON, base64 or text, and bytes go in as they are. Dates, integers and
 * booleans that are not what their column says are refused here, before anything is sent.
 */

/** A column's SQL type as the bulk insert knows it. */
export type ColumnType = 'text' | 'integer' | 'boolean' | 'date' | 'bytea' | 'jsonb' | 'real';

const signature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
const epochDays = 10_957;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A buffer that grows as values are appended. */
class Writer {
  buf: Buffer;
  at = 0;

  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }

  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  int16(v: number): void {
    this.room(2);
    this.at = this.buf.writeInt16BE(v, this.at);
  }

  int32(v: number): void {
    this.room(4);
    this.at = this.buf.writeInt32BE(v, this.at);
  }

  /** A field: its length, then its bytes. */
  bytes(v: Uint8Array): void {
    this.int32(v.length);
    this.room(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
  }

  /** A text field, encoded as UTF-8 straight into the buffer. */
  text(v: string, prefix?: number): void {
    const extra = prefix === undefined ? 0 : 1;
    const max = v.length * 3 + extra;
    this.room(4 + max);
    const start = this.at + 4;
    if (prefix !== undefined) this.buf[start] = prefix;
    const n = this.buf.write(v, start + extra, 'utf8') + extra;
    this.buf.writeInt32BE(n, this.at);
    this.at = start + n;
  }
}

function refuse(column: string, type: ColumnType, value: unknown): never {
  throw new Error(`bulk insert: column ${column} (${type}) cannot take ${JSON.stringify(value)}`);
}

function field(w: Writer, column: string, type: ColumnType, v: unknown): void {
  if (v === null || v === undefined) return w.int32(-1);
  switch (type) {
    case 'text':
      if (typeof v !== 'string') refuse(column, type, v);
      return w.text(v);
    case 'integer':
      if (!Number.isInteger(v) || (v as number) < -(2 ** 31) || (v as number) >= 2 ** 31)
        refuse(column, type, v);
      w.int32(4);
      return w.int32(v as number);
    case 'boolean':
      if (typeof v !== 'boolean') refuse(column, type, v);
      w.int32(1);
      w.room(1);
      w.buf[w.at++] = v ? 1 : 0;
      return;
    case 'real':
      if (typeof v !== 'number') refuse(column, type, v);
      w.int32(4);
      w.room(4);
      w.at = w.buf.writeFloatBE(v, w.at);
      return;
    case 'date': {
      const m = typeof v === 'string' ? isoDay.exec(v) : null;
      if (!m) refuse(column, type, v);
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      if (new Date(ms).toISOString().slice(0, 10) !== v) refuse(column, type, v);
      w.int32(4);
      return w.int32(ms / 86_400_000 - epochDays);
    }
    case 'bytea':
      if (typeof v === 'string') return w.bytes(Buffer.from(v, 'base64'));
      if (!(v instanceof Uint8Array)) refuse(column, type, v);
      return w.bytes(v);
    case 'jsonb':
      // jsonb's binary form: version 1, then the JSON text.
      return w.text(JSON.stringify(v), 1);
  }
}

/** The rows as one binary COPY payload for `columns` (in their order). */
export function copyBinary(
  columns: Record<string, ColumnType>,
  rows: readonly Record<string, unknown>[],
): Buffer {
  const names = Object.keys(columns);
  const types = names.map((n) => columns[n]!);
  const w = new Writer(64 + rows.length * 64 * names.length);
  w.room(signature.length + 8);
  w.at += signature.copy(w.buf, w.at);
  w.int32(0); // flags
  w.int32(0); // header extension length
  for (const row of rows) {
    w.int16(names.length);
    for (let i = 0; i < names.length; i++) field(w, names[i]!, types[i]!, row[names[i]!]);
  }
  w.int16(-1);
  return w.buf.subarray(0, w.at);
}
