/** Names of the members of some cases, as the role may see them, loaded once per case. */
import { useEffect, useState } from 'react';
import { api } from './api.js';
import type { CaseView } from './case-types.js';

/** personId → "Given Family" for the cases given (empty when `enabled` is false). */
export function useNames(householdIds: readonly string[], enabled: boolean): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [asked] = useState<Set<string>>(new Set());
  const key = [...new Set(householdIds)].sort().join(',');
  useEffect(() => {
    if (!enabled || !key) return;
    let live = true;
    const fresh = key.split(',').filter((id) => !asked.has(id));
    for (const id of fresh) asked.add(id);
    void Promise.all(
      fresh.map((id) => api<CaseView>(`/api/cases/${encodeURIComponent(id)}`).catch(() => null)),
    ).then((views) => {
      if (!live) return;
      setNames((before) => {
        const next = new Map(before);
        for (const v of views)
          for (const m of v?.members ?? []) {
            const n = `${m.pii?.givenName ?? ''} ${m.pii?.familyName ?? ''}`.trim();
            if (n) next.set(m.id, n);
          }
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key, enabled, asked]);
  return names;
}
