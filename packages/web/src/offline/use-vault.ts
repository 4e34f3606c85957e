/** A React hook: the vault when unlocked in this page (re-rendering when that changes). */
import { useSyncExternalStore } from 'react';
import { currentVault, onVaultChange, type Vault } from './vault.js';

/** The unlocked vault, or null. */
export function useVault(): Vault | null {
  return useSyncExternalStore(onVaultChange, currentVault);
}
