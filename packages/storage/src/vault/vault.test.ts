import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/backends.js';
import { generationOf, Vault } from './vault.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function vaultAt(master = Buffer.alloc(32, 5)): { vault: Vault; dir: string } {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const vault = new Vault(master, join(dir, 'keys'));
  vault.keyring.create(1);
  vault.useGeneration(1);
  return { vault, dir: join(dir, 'keys') };
}

describe('vault', () => {
  it('gives every record a fresh key and every seal a fresh nonce, across pool refills', () => {
    const { vault } = vaultAt();
    const keys = new Set<string>();
    const nonces = new Set<string>();
    // 5,000 keys of 32 bytes and their 12-byte nonces span several 64 KiB pool refills.
    for (let i = 0; i < 5000; i++) {
      const { key, wrapped } = vault.newPersonKey(vault.pin(vault.generation), `P-${i}`);
      keys.add(key.toString('hex'));
      nonces.add(wrapped.subarray(7, 19).toString('hex'));
      expect(vault.unwrapPersonKey(`P-${i}`, wrapped).equals(key)).toBe(true);
    }
    expect(keys.size).toBe(5000);
    expect(nonces.size).toBe(5000);
  });

  it('binds a sealed value to its record: another record id cannot open it', () => {
    const { vault } = vaultAt();
    const { key } = vault.newPersonKey(vault.pin(vault.generation), 'P-1');
    const sealed = vault.encrypt(key, 'person:P-1', { givenName: 'Test' });
    expect(vault.decrypt(key, 'person:P-1', sealed)).toEqual({ givenName: 'Test' });
    expect(() => vault.decrypt(key, 'person:P-2', sealed)).toThrow();
  });

  it('wraps under the current generation; a destroyed generation unwraps nothing, even with the master key', () => {
    const { vault, dir } = vaultAt();
    const { key, wrapped } = vault.newPersonKey(vault.pin(vault.generation), 'P-1');
    expect(generationOf(wrapped)).toBe(1);
    const kekFile = join(dir, 'kek-000001.key');
    // The file holds the KEK sealed under the master key, never the KEK itself.
    expect(readFileSync(kekFile, 'utf8')).toContain('"generation":1');
    vault.keyring.create(2);
    const again = vault.wrapRecordKey('person', 'P-1', key, 2);
    expect(generationOf(again)).toBe(2);
    vault.keyring.destroy(1);
    expect(existsSync(kekFile)).toBe(false);
    expect(readdirSync(dir)).toEqual(['kek-000002.key']);
    // A fresh vault with the same master key and keyring: generation 2 opens, 1 is gone.
    const fresh = new Vault(Buffer.alloc(32, 5), dir);
    expect(fresh.unwrapPersonKey('P-1', again).equals(key)).toBe(true);
    expect(() => fresh.unwrapPersonKey('P-1', wrapped)).toThrow(/generation 1 is missing/);
    // Another master key cannot open the keyring's files.
    expect(() => new Vault(Buffer.alloc(32, 6), dir).unwrapPersonKey('P-1', again)).toThrow(
      /cannot be opened with this master key/,
    );
  });
});
