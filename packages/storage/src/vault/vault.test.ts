import { describe, expect, it } from 'vitest';
import { Vault } from './vault.js';

describe('vault', () => {
  const vault = new Vault(Buffer.alloc(32, 5));

  it('gives every record a fresh key and every seal a fresh nonce, across pool refills', () => {
    const keys = new Set<string>();
    const nonces = new Set<string>();
    // 5,000 keys of 32 bytes and their 12-byte nonces span several 64 KiB pool refills.
    for (let i = 0; i < 5000; i++) {
      const { key, wrapped } = vault.newPersonKey(`P-${i}`);
      keys.add(key.toString('hex'));
      nonces.add(wrapped.subarray(0, 12).toString('hex'));
      expect(vault.unwrapPersonKey(`P-${i}`, wrapped).equals(key)).toBe(true);
    }
    expect(keys.size).toBe(5000);
    expect(nonces.size).toBe(5000);
  });

  it('binds a sealed value to its record: another record id cannot open it', () => {
    const { key } = vault.newPersonKey('P-1');
    const sealed = vault.encrypt(key, 'person:P-1', { givenName: 'Test' });
    expect(vault.decrypt(key, 'person:P-1', sealed)).toEqual({ givenName: 'Test' });
    expect(() => vault.decrypt(key, 'person:P-2', sealed)).toThrow();
  });
});
