import type { CheckinEvent } from '@corridor/core';
import { describe, expect, it } from 'vitest';
// The test holds the web's WebCrypto checksum to the CLI's node:crypto one (never bundled).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { logChecksum as cliChecksum } from '../../../commands/src/checkin/log.js';
import {
  newDataKey,
  passwordKey,
  randomBytes,
  rewrapDataKey,
  seal,
  unseal,
  unwrapDataKey,
} from './crypto.js';
import { logChecksum, logFile } from './device-log.js';

const buildEvent = (over: Partial<CheckinEvent> = {}): CheckinEvent => ({
  station: 'tablet-0a1b2c',
  seq: 1,
  movementId: 'M-001',
  personId: 'P-00031',
  status: 'checked-in',
  at: '2026-12-07T09:15:00.000Z',
  actor: 'moses',
  role: 'movement-officer',
  note: 'recorded offline on the device',
  supersedes: null,
  ...over,
});

describe('the device log', () => {
  it('carries the same SHA-256 as `corridor checkin export` writes', async () => {
    const events = [
      buildEvent(),
      buildEvent({ seq: 2, status: 'boarded', at: '2026-12-07T10:15:00+01:00' }),
      buildEvent({ seq: 3, note: null, supersedes: { 'gate-2': 4, 'desk-1': 7 } }),
    ];
    expect(await logChecksum(events)).toBe(cliChecksum(events));
    expect(await logChecksum([])).toBe(cliChecksum([]));
    const file = await logFile('OP-1', 'tablet-0a1b2c', events, new Date('2026-12-07T12:00:00Z'));
    expect(file).toMatchObject({ format: 'corridor-checkin-log', version: 1, operation: 'OP-1' });
    expect(file.sha256).toBe(cliChecksum(events));
  });
});

describe('the device key', () => {
  it('opens sealed records with the right password only, and binds each to its slot', async () => {
    const salt = randomBytes(16);
    const wrapping = await passwordKey('the right password', salt, 1000);
    const { wrapped, key } = await newDataKey(wrapping);
    const sealed = await seal(key, 'desk:M-001', { name: 'Amina Haidari', personId: 'P-00031' });
    const text = new TextDecoder('latin1').decode(sealed.data);
    expect(text).not.toContain('Amina');
    expect(text).not.toContain('P-00031');
    const again = await unwrapDataKey(wrapped, await passwordKey('the right password', salt, 1000));
    expect(await unseal(again, 'desk:M-001', sealed)).toEqual({
      name: 'Amina Haidari',
      personId: 'P-00031',
    });
    await expect(
      unwrapDataKey(wrapped, await passwordKey('a wrong password', salt, 1000)),
    ).rejects.toThrow();
    await expect(unseal(again, 'desk:M-002', sealed)).rejects.toThrow();
    // The data key cannot be read out of memory either.
    await expect(globalThis.crypto.subtle.exportKey('raw', again)).rejects.toThrow();
  });
});

describe('a password change', () => {
  it('re-wraps the same data key: records sealed before open under the new password', async () => {
    const salt = randomBytes(16);
    const old = await passwordKey('the old password', salt, 1000);
    const { wrapped, key } = await newDataKey(old);
    const sealed = await seal(key, 'log', { pending: 2 });
    const newSalt = randomBytes(16);
    const next = await passwordKey('the new password', newSalt, 1000);
    const rewrapped = await rewrapDataKey(wrapped, old, next);
    expect(await unseal(await unwrapDataKey(rewrapped, next), 'log', sealed)).toEqual({
      pending: 2,
    });
    await expect(unwrapDataKey(rewrapped, old)).rejects.toThrow();
    await expect(
      rewrapDataKey(wrapped, await passwordKey('a guess', salt, 1000), next),
    ).rejects.toThrow();
  });
});
