/** The device's part in logging in and out: the vault opens with the password, logout erases it. */
import type { Me } from '../lib/session.js';
import { pendingCount, syncLog } from './desk-data.js';
import { currentVault, eraseVault, openVaultAtLogin, rewrapVault, vaultExists } from './vault.js';

/** After a login: roles that record check-ins get the vault (unlocked, or made); others none. */
export async function deviceAtLogin(me: Me, password: string): Promise<void> {
  if (me.permissions.includes('movement.checkin')) await openVaultAtLogin(password);
  else if (await vaultExists()) await eraseVault();
}

/** At logout: sends what is still pending when it can, then erases the device's data. */
export async function deviceAtLogout(): Promise<void> {
  const vault = currentVault();
  if (vault) await syncLog(vault).catch(() => null);
  await eraseVault();
}

/** Records still waiting after one more try to send them (0 without an unlocked vault). */
export async function pendingAfterSync(): Promise<number> {
  const vault = currentVault();
  if (!vault) return 0;
  await syncLog(vault).catch(() => null);
  return pendingCount(vault);
}

export { rewrapVault, vaultExists };
