/**
 * The device's vault: an IndexedDB database (`corridor-offline`, through idb) whose records are
 * sealed with the data key of `crypto.ts`. In clear it holds only the salt, the PBKDF2 rounds
 * and the wrapped data key. The unwrapped key lives in this module's memory: after a reload
 * the desk asks for the password again. Logout erases the database.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  newDataKey,
  passwordKey,
  pbkdf2Iterations,
  randomBytes,
  rewrapDataKey,
  seal,
  unseal,
  unwrapDataKey,
  type Sealed,
} from './crypto.js';

/** The database's name. */
export const vaultName = 'corridor-offline';

interface Lock {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  wrappedKey: ArrayBuffer;
}

interface VaultSchema extends DBSchema {
  lock: { key: 'lock'; value: Lock };
  sealed: { key: string; value: Sealed };
}

const open = (): Promise<IDBPDatabase<VaultSchema>> =>
  openDB<VaultSchema>(vaultName, 1, {
    upgrade(db) {
      db.createObjectStore('lock');
      db.createObjectStore('sealed');
    },
  });

/** An unlocked vault: read and write sealed records by key. */
export interface Vault {
  get<T>(slot: string): Promise<T | undefined>;
  put(slot: string, value: unknown): Promise<void>;
  remove(slot: string): Promise<void>;
}

let unlocked: Vault | null = null;
const listeners = new Set<() => void>();

/** The vault when unlocked in this page, else null. */
export function currentVault(): Vault | null {
  return unlocked;
}

/** Calls `listener` whenever the vault is unlocked or erased; returns the unsubscribe. */
export function onVaultChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function use(key: CryptoKey): Vault {
  unlocked = {
    async get<T>(slot: string) {
      const db = await open();
      const sealed = await db.get('sealed', slot);
      db.close();
      return sealed ? unseal<T>(key, slot, sealed) : undefined;
    },
    async put(slot, value) {
      const sealed = await seal(key, slot, value);
      const db = await open();
      await db.put('sealed', sealed, slot);
      db.close();
    },
    async remove(slot) {
      const db = await open();
      await db.delete('sealed', slot);
      db.close();
    },
  };
  for (const l of listeners) l();
  return unlocked;
}

/** True when this device holds a vault (data from an earlier visit). */
export async function vaultExists(): Promise<boolean> {
  const db = await open();
  const lock = await db.get('lock', 'lock');
  db.close();
  return lock !== undefined;
}

/** Unlocks the vault with the password; null when the password does not open it (or no vault). */
export async function unlockVault(password: string): Promise<Vault | null> {
  const db = await open();
  const lock = await db.get('lock', 'lock');
  db.close();
  if (!lock) return null;
  try {
    const wrapping = await passwordKey(password, lock.salt, lock.iterations);
    return use(await unwrapDataKey(lock.wrappedKey, wrapping));
  } catch {
    return null;
  }
}

/** Opens the vault at login: unlocks it, or (no vault, or one an older password locked) makes a new one. */
export async function openVaultAtLogin(password: string): Promise<Vault> {
  const existing = await unlockVault(password);
  if (existing) return existing;
  await eraseVault();
  const salt = randomBytes(16);
  const wrapping = await passwordKey(password, salt, pbkdf2Iterations);
  const { wrapped, key } = await newDataKey(wrapping);
  const db = await open();
  await db.put('lock', { salt, iterations: pbkdf2Iterations, wrappedKey: wrapped }, 'lock');
  db.close();
  return use(key);
}

/**
 * After a password change: the same data key, wrapped under the new password (new salt), so the
 * device's records (pending ones too) stay readable. False when the old password did not open it.
 */
export async function rewrapVault(current: string, next: string): Promise<boolean> {
  const db = await open();
  const lock = await db.get('lock', 'lock');
  db.close();
  if (!lock) return false;
  try {
    const salt = randomBytes(16);
    const wrappedKey = await rewrapDataKey(
      lock.wrappedKey,
      await passwordKey(current, lock.salt, lock.iterations),
      await passwordKey(next, salt, pbkdf2Iterations),
    );
    const again = await open();
    await again.put('lock', { salt, iterations: pbkdf2Iterations, wrappedKey }, 'lock');
    again.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Erases the device's data: the wrapped key first (without it the sealed records are noise,
 * whatever the disk keeps), then the whole database; forgets the key in memory.
 */
export async function eraseVault(): Promise<void> {
  unlocked = null;
  const db = await open();
  await db.clear('lock');
  await db.clear('sealed');
  db.close();
  await deleteDB(vaultName);
  for (const l of listeners) l();
}
