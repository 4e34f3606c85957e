/** Finds or creates the master key that wraps every person's data key. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { errors } from '@corridor/core';

/** The master key and where it came from (for messages, never the key itself). */
export interface MasterKey {
  key: Buffer;
  source: string;
}

function decode(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw errors.invalidInput(
      `the master key from ${source} must be 32 bytes (64 hex digits or base64)`,
    );
  }
  return key;
}

/**
 * Reads the key from CORRIDOR_MASTER_KEY, else from the key file (CORRIDOR_KEY_FILE or the
 * default path). A missing file is created with mode 0600 only when `mayCreate` is true.
 */
export function loadMasterKey(
  defaultFile: string,
  mayCreate: boolean,
  env = process.env,
): MasterKey {
  const fromEnv = env.CORRIDOR_MASTER_KEY;
  if (fromEnv)
    return { key: decode(fromEnv, 'CORRIDOR_MASTER_KEY'), source: 'CORRIDOR_MASTER_KEY' };
  const file = env.CORRIDOR_KEY_FILE || defaultFile;
  if (existsSync(file)) return { key: decode(readFileSync(file, 'utf8'), file), source: file };
  if (!mayCreate) {
    throw errors.invalidInput(
      `the master key file ${file} is missing; this database was created with a key (set CORRIDOR_KEY_FILE or CORRIDOR_MASTER_KEY)`,
    );
  }
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, source: file };
}
