/** Field encryption with per-person keys (crypto-shredding) and blind indexes for exact search. */
import { createHmac, hkdfSync } from 'node:crypto';
import { Keyring } from './keyring.js';
import { openSealed, pooledRandomBytes, sealWith } from './seal.js';

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `corridor/${label}`, 32));
}

/** The first bytes of a data key wrapped by a keyring generation: "CK", format 1. */
const wrappedMagic = Buffer.from([0x43, 0x4b, 0x01]);
const headerLength = wrappedMagic.length + 4;

/** Normalises a value before blind indexing, so that case and spacing do not matter. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The keyring generation a wrapped data key names (0: wrapped before keyrings, by the master key). */
export function generationOf(wrapped: Uint8Array): number {
  const data = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
  if (data.length > headerLength && data.subarray(0, wrappedMagic.length).equals(wrappedMagic))
    return data.readUInt32BE(wrappedMagic.length);
  return 0;
}

declare const held: unique symbol;

/**
 * A key generation held by a transaction until it ends (`pinGeneration` in keys/rotate-keys.ts,
 * which takes the transaction): every new data key and item secret is wrapped under one, so no
 * writer can wrap a key under a generation a rotation in another process is about to destroy.
 */
export interface GenerationPin {
  readonly generation: number;
  readonly [held]: true;
}

/**
 * Encrypts and decrypts protected fields. Data keys are wrapped by the key-encryption key of the
 * keyring's current generation (files outside the database); the blind-index and backup keys are
 * derived from the master key. Holds keys in memory only, never writes them to the database.
 */
export class Vault {
  private readonly legacyKek: Buffer;
  private readonly indexKey: Buffer;
  private readonly backupKey: Buffer;
  private readonly backupWrap: Buffer;
  /** The generation files of key-encryption keys. */
  readonly keyring: Keyring;
  private current = 0;

  constructor(master: Buffer, keyDir: string) {
    this.legacyKek = derive(master, 'key-encryption');
    this.indexKey = derive(master, 'blind-index');
    this.backupKey = derive(master, 'backup');
    this.backupWrap = derive(master, 'backup-wrap');
    this.keyring = new Keyring(keyDir, derive(master, 'keyring'));
  }

  /** The generation new data keys are wrapped under. */
  get generation(): number {
    return this.current;
  }

  /** Sets the generation new data keys are wrapped under (the one the database records). */
  useGeneration(generation: number): void {
    this.current = generation;
  }

  /** The pin of a generation a transaction holds; only `pinGeneration` should call this. */
  pin(generation: number): GenerationPin {
    this.current = generation;
    return { generation } as GenerationPin;
  }

  /** Encrypts a backup (format 1) under the key derived from the master key. */
  sealBackup(content: Buffer): Buffer {
    return sealWith(this.backupKey, content, 'corridor-backup');
  }

  /** Decrypts a backup of format 1; fails when made with another master key or altered. */
  openBackup(sealed: Buffer): Buffer {
    return openSealed(this.backupKey, sealed, 'corridor-backup');
  }

  /** A fresh key for one backup, and its form sealed under the master key for the file's header. */
  newBackupKey(id: string): { key: Buffer; sealed: Buffer } {
    const key = pooledRandomBytes(32);
    return { key, sealed: sealWith(this.backupWrap, key, `backup-key:${id}`) };
  }

  /** Opens a backup's key from its header. */
  openBackupKey(id: string, sealed: Uint8Array): Buffer {
    return openSealed(this.backupWrap, sealed, `backup-key:${id}`);
  }

  /** A value stored beside the data to tell whether a key is the one the database was made with. */
  keyCheck(): string {
    return createHmac('sha256', this.indexKey).update('corridor key check').digest('base64url');
  }

  /** A new random data key for one person, and its wrapped form for storage. */
  newPersonKey(pin: GenerationPin, personId: string): { key: Buffer; wrapped: Buffer } {
    return this.newRecordKey(pin, 'person', personId);
  }

  /** Unwraps a person's stored data key. */
  unwrapPersonKey(personId: string, wrapped: Uint8Array): Buffer {
    return this.unwrapRecordKey('person', personId, wrapped);
  }

  /**
   * A new data key for any protected record (an incident's narrative, say), and its form wrapped
   * under the pinned generation.
   */
  newRecordKey(pin: GenerationPin, kind: string, id: string): { key: Buffer; wrapped: Buffer } {
    const key = pooledRandomBytes(32);
    return { key, wrapped: this.wrapRecordKey(kind, id, key, pin.generation) };
  }

  /** Wraps a record's data key under a generation's key-encryption key (the current one by default). */
  wrapRecordKey(kind: string, id: string, key: Buffer, generation = this.current): Buffer {
    if (generation === 0) return sealWith(this.legacyKek, key, `${kind}-key:${id}`);
    const header = Buffer.alloc(headerLength);
    wrappedMagic.copy(header);
    header.writeUInt32BE(generation, wrappedMagic.length);
    const kek = this.keyring.kek(generation);
    return Buffer.concat([header, sealWith(kek, key, `${kind}-key:${id}:g${generation}`)]);
  }

  /** Unwraps a record's stored data key with the key of the generation that wrapped it. */
  unwrapRecordKey(kind: string, id: string, wrapped: Uint8Array): Buffer {
    const generation = generationOf(wrapped);
    if (generation === 0) return openSealed(this.legacyKek, wrapped, `${kind}-key:${id}`);
    return openSealed(
      this.keyring.kek(generation),
      Buffer.from(wrapped).subarray(headerLength),
      `${kind}-key:${id}:g${generation}`,
    );
  }

  /** Encrypts a JSON value under a person's key, bound to the record it belongs to. */
  encrypt(key: Buffer, recordId: string, value: unknown): Buffer {
    return sealWith(key, Buffer.from(JSON.stringify(value)), recordId);
  }

  /** Decrypts a JSON value encrypted by `encrypt`. */
  decrypt<T>(key: Buffer, recordId: string, sealed: Uint8Array): T {
    return JSON.parse(openSealed(key, sealed, recordId).toString('utf8')) as T;
  }

  /** Seals a service secret (a webhook's signing key): under the master key, not a generation. */
  sealSecret(kind: string, id: string, secret: string): Buffer {
    return sealWith(
      derive(this.backupWrap, 'service-secrets'),
      Buffer.from(secret),
      `${kind}:${id}`,
    );
  }

  /** Opens a secret sealed by `sealSecret`. */
  openSecret(kind: string, id: string, sealed: Uint8Array): string {
    return openSealed(
      derive(this.backupWrap, 'service-secrets'),
      sealed,
      `${kind}:${id}`,
    ).toString();
  }

  /** Keyed hash of a normalised value: equal values match, the value cannot be read back. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${kind}\u0000${normaliseForIndex(value)}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
