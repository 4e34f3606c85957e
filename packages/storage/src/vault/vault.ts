/** Field encryption with per-person keys (crypto-shredding) and blind indexes for exact search. */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomFillSync,
} from 'node:crypto';

const ivLength = 12;
const tagLength = 16;

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `corridor/${label}`, 32));
}

const poolSize = 64 * 1024;
let pool = Buffer.alloc(0);
let poolAt = 0;

/**
 * Fresh random bytes from a pool filled by the system's CSPRNG 64 KiB at a time: one call into
 * OpenSSL per ~2,000 keys instead of one per key, which halves the cost of encrypting an import.
 * Each refill is a new buffer, so bytes handed out are never handed out again or overwritten.
 */
function randomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(Math.max(poolSize, n)));
    poolAt = 0;
  }
  const out = Buffer.from(pool.subarray(poolAt, poolAt + n));
  pool.fill(0, poolAt, poolAt + n);
  poolAt += n;
  return out;
}

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  const data = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivLength));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(data.subarray(ivLength, ivLength + tagLength));
  return Buffer.concat([decipher.update(data.subarray(ivLength + tagLength)), decipher.final()]);
}

/** Normalises a value before blind indexing, so that case and spacing do not matter. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Encrypts and decrypts protected fields; holds the derived keys, never writes them. */
export class Vault {
  private readonly kek: Buffer;
  private readonly indexKey: Buffer;
  private readonly backupKey: Buffer;

  constructor(master: Buffer) {
    this.kek = derive(master, 'key-encryption');
    this.indexKey = derive(master, 'blind-index');
    this.backupKey = derive(master, 'backup');
  }

  /** Encrypts a whole backup file's content under the backup key. */
  sealBackup(content: Buffer): Buffer {
    return seal(this.backupKey, content, 'corridor-backup');
  }

  /** Decrypts a backup; fails when the file was made with another master key or was altered. */
  openBackup(sealed: Buffer): Buffer {
    return open(this.backupKey, sealed, 'corridor-backup');
  }

  /** A value stored beside the data to tell whether a key is the one the database was made with. */
  keyCheck(): string {
    return createHmac('sha256', this.indexKey).update('corridor key check').digest('base64url');
  }

  /** A new random data key for one person, and its wrapped form for storage. */
  newPersonKey(personId: string): { key: Buffer; wrapped: Buffer } {
    return this.newRecordKey('person', personId);
  }

  /** Unwraps a person's stored data key. */
  unwrapPersonKey(personId: string, wrapped: Uint8Array): Buffer {
    return this.unwrapRecordKey('person', personId, wrapped);
  }

  /** A new data key for any protected record (an incident's narrative, say), and its wrapped form. */
  newRecordKey(kind: string, id: string): { key: Buffer; wrapped: Buffer } {
    const key = randomBytes(32);
    return { key, wrapped: seal(this.kek, key, `${kind}-key:${id}`) };
  }

  /** Unwraps a record's stored data key. */
  unwrapRecordKey(kind: string, id: string, wrapped: Uint8Array): Buffer {
    return open(this.kek, wrapped, `${kind}-key:${id}`);
  }

  /** Encrypts a JSON value under a person's key, bound to the record it belongs to. */
  encrypt(key: Buffer, recordId: string, value: unknown): Buffer {
    return seal(key, Buffer.from(JSON.stringify(value)), recordId);
  }

  /** Decrypts a JSON value encrypted by `encrypt`. */
  decrypt<T>(key: Buffer, recordId: string, sealed: Uint8Array): T {
    return JSON.parse(open(key, sealed, recordId).toString('utf8')) as T;
  }

  /** Keyed hash of a normalised value: equal values match, the value cannot be read back. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${kind}\u0000${normaliseForIndex(value)}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
