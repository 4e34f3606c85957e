/** Check-in records kept on the device when the server cannot be reached, to send later. */
import type { CheckinEvent, CheckinStatus } from '@corridor/core';
import { appendRecord } from './device-log.js';
import { readProfile } from './desk-data.js';
import { currentVault } from './vault.js';

/** Appends a record to the device's log when the vault is unlocked; null when it is not. */
export async function queueRecord(input: {
  movementId: string;
  personId: string;
  status: CheckinStatus;
}): Promise<CheckinEvent | null> {
  const vault = currentVault();
  if (!vault) return null;
  const profile = await readProfile(vault);
  if (!profile) return null;
  return appendRecord(vault, input, profile.me);
}
