/** The demo's belongings: a few hundred phones, laptops and radios confiscated on the way out. */
import type { Belonging, CustodyEventInput } from '../custody.js';
import { createRandom } from '../random.js';
import type { Person } from '../schemas.js';
import { addDays } from '../units.js';
import { demoWindow } from './generate.js';

/** Items and their events, ready for the custody store. */
export interface DemoBelongings {
  items: Belonging[];
  events: CustodyEventInput[];
}

/**
 * Adults of the last departures lose devices at the exit checkpoint: each item is packed, then
 * confiscated with a witness and no receipt; a few are handed back, some later declared lost.
 */
export function generateDemoBelongings(persons: readonly Person[], seed = 1): DemoBelongings {
  const random = createRandom(seed + 9);
  const adults = persons.filter((p) => p.birthYear !== null && p.birthYear <= 2013);
  const owners = adults.slice(-Math.min(adults.length, 180));
  const day = demoWindow.end;
  const packedAt = `${addDays(day, -1)}T18:00:00+03:00`;
  const items: Belonging[] = [];
  const events: CustodyEventInput[] = [];
  owners.forEach((p, k) => {
    const kinds = random.chance(0.5)
      ? (['phone', 'laptop'] as const)
      : (['phone', 'radio'] as const);
    for (const category of kinds.slice(0, random.chance(0.8) ? 2 : 1)) {
      const id = `B-${String(items.length + 1).padStart(5, '0')}`;
      items.push({ id, personId: p.id, category, description: `${category} of the owner` });
      events.push({ itemId: id, kind: 'packed', at: packedAt });
      const minute = String(k % 60).padStart(2, '0');
      events.push({
        itemId: id,
        kind: 'confiscated',
        at: `${day}T0${5 + Math.floor(k / 60)}:${minute}:00+03:00`,
        by: 'checkpoint security detail',
        witness: 'camp liaison officer on duty',
        place: 'camp exit checkpoint',
        receipt: 'none given',
      });
      if (random.chance(0.05))
        events.push({
          itemId: id,
          kind: 'returned',
          at: `${day}T11:00:00+03:00`,
          note: 'handed back before boarding',
        });
      else if (random.chance(0.1))
        events.push({ itemId: id, kind: 'lost', at: `${addDays(day, 30)}T12:00:00+03:00` });
    }
  });
  return { items, events };
}
