/**
 * The keyring: one file per key-encryption key (KEK) generation, outside the database, each sealed
 * under a key derived from the root (master) key. Destroying a generation's file (overwritten,
 * then removed) is what makes an erasure final: nothing else on disk can unwrap the data keys that
 * generation wrapped, whatever survives in dead rows, the write-ahead log or old backups.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { errors } from '@corridor/core';
import { openSealed, sealWith } from './seal.js';

const filePattern = /^kek-(\d{6,})\.key$/;

/** The file name of a generation's key. */
export function kekFileName(generation: number): string {
  return `kek-${String(generation).padStart(6, '0')}.key`;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

/** Writes `content` to `file` durably: a temporary file, fsync, rename, fsync of the folder. */
function writeDurably(dir: string, name: string, content: string): void {
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, name));
  fsyncDir(dir);
}

/** Overwrites a file with random bytes, flushes, then unlinks it (missing files are fine). */
export function destroyFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(Math.max(size, 64)), 0, Math.max(size, 64), 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(file);
}

/** A folder of generation key files; caches the keys it has read. */
export class Keyring {
  private readonly cache = new Map<number, Buffer>();

  /** `dir`: the keyring folder; `rootWrap`: the key (from the master key) that seals every file. */
  constructor(
    readonly dir: string,
    private readonly rootWrap: Buffer,
  ) {}

  /** The generations whose files are present, ascending. */
  generations(): number[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((n) => filePattern.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  /** Creates a new random KEK for `generation`, durably on disk, before anything uses it. */
  create(generation: number): Buffer {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    const body = {
      format: 'corridor-kek',
      generation,
      created: new Date().toISOString(),
      sealed: sealWith(this.rootWrap, key, `kek:${generation}`).toString('base64'),
    };
    writeDurably(this.dir, kekFileName(generation), JSON.stringify(body) + '\n');
    this.cache.set(generation, key);
    return key;
  }

  /** The KEK of `generation`, read from its file; a clear error when the file is gone. */
  kek(generation: number): Buffer {
    const cached = this.cache.get(generation);
    if (cached) return cached;
    const file = join(this.dir, kekFileName(generation));
    if (!existsSync(file))
      throw errors.invalidInput(
        `the key file of generation ${generation} is missing from ${this.dir} (destroyed by an erasure, or the keyring folder is not the one this database uses: set CORRIDOR_KEY_DIR)`,
      );
    let key: Buffer;
    try {
      const body = JSON.parse(readFileSync(file, 'utf8')) as { generation: number; sealed: string };
      if (body.generation !== generation) throw new Error('generation mismatch');
      key = openSealed(this.rootWrap, Buffer.from(body.sealed, 'base64'), `kek:${generation}`);
    } catch {
      throw errors.invalidInput(
        `the key file ${file} cannot be opened with this master key, or it was altered`,
      );
    }
    this.cache.set(generation, key);
    return key;
  }

  /** Destroys a generation: the cached key is zeroed, the file overwritten and removed. */
  destroy(generation: number): void {
    this.cache.get(generation)?.fill(0);
    this.cache.delete(generation);
    destroyFile(join(this.dir, kekFileName(generation)));
    fsyncDir(this.dir);
  }

  /** Removes temporary files a crash left behind while writing a key file. */
  removeLeftovers(): void {
    if (!existsSync(this.dir)) return;
    for (const n of readdirSync(this.dir))
      if (n.endsWith('.tmp') && n.startsWith('kek-')) destroyFile(join(this.dir, n));
  }
}
