/**
 * The demo's consents, taken at registration: nearly everyone gives consent for registration,
 * sharing with a carrier, messages and referral to the states their case prefers and to the
 * operation's main host state (the one with the largest pledge); a few refuse, so
 * the refusal path is visible. Deterministic and drawn from no random stream, so the rest of the
 * demo is the same with or without it.
 */
import type { ConsentSeed } from '../consent.js';
import type { Destination, Household, Person, Preference } from '../schemas.js';
import type { IsoDate } from '../units.js';

/** The household's number (C-0042 → 42). */
const numberOf = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);

/**
 * Every person's consents on `date`: on-hold cases with an odd number refuse sharing with a
 * carrier (on hold, they are on no movement); cases 7, 20, 33… refuse messages.
 */
export function demoConsents(
  households: readonly Household[],
  persons: readonly Person[],
  preferences: readonly Preference[],
  destinations: readonly Destination[],
  mainState: string,
  date: IsoDate,
): ConsentSeed[] {
  const country = new Map(destinations.map((d) => [d.id, d.country]));
  const prefers = new Map<string, Set<string>>();
  for (const p of preferences) {
    const c = country.get(p.destinationId);
    if (!c) continue;
    const states = prefers.get(p.householdId) ?? new Set<string>();
    states.add(c);
    prefers.set(p.householdId, states);
  }
  const status = new Map(households.map((h) => [h.id, h.status]));
  const out: ConsentSeed[] = [];
  for (const p of persons) {
    const n = numberOf(p.householdId);
    const row = (purpose: ConsentSeed['purpose'], decision: ConsentSeed['decision']) =>
      out.push({ personId: p.id, purpose, state: null, decision, date });
    row('registration', 'given');
    row(
      'carrier-sharing',
      status.get(p.householdId) === 'on-hold' && n % 2 === 1 ? 'refused' : 'given',
    );
    row('messages', n % 13 === 7 ? 'refused' : 'given');
    for (const state of [...new Set([...(prefers.get(p.householdId) ?? []), mainState])].sort())
      out.push({
        personId: p.id,
        purpose: 'referral',
        state: state as ConsentSeed['state'],
        decision: 'given',
        date,
      });
  }
  return out;
}
