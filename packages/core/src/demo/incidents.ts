/** The demo's incident record: indirect fire over the years and an attack thwarted before the end. */
import type { Household, Incident } from '../schemas.js';
import { addDays } from '../units.js';
import { demoWindow } from './generate.js';

/**
 * Five indirect-fire incidents across the window and a credible threat five days before the last
 * movement; with the operation's cases, each attack names a few affected cases.
 */
export function generateDemoIncidents(households: readonly Household[] = []): Incident[] {
  const affected = (k: number) =>
    households.length === 0
      ? []
      : [...new Set([0, 1, 2].map((j) => households[(k * 37 + j * 11) % households.length]!.id))];
  const base = {
    timezone: 'Asia/Baghdad',
    site: 'Camp Meridian',
    lat: 33.27,
    lon: 44.23,
    source: 'camp security focal point',
    cases: [],
  };
  const fire = [180, 520, 910, 1240, 1530].map((offset, k) => ({
    ...base,
    id: `I-${String(k + 1).padStart(3, '0')}`,
    type: 'indirect-fire' as const,
    at: `${addDays(demoWindow.start, offset)}T${String(20 + (k % 3)).padStart(2, '0')}:15:00+03:00`,
    injured: [12, 4, 30, 7, 18][k]!,
    cases: affected(k),
    killed: [0, 1, 2, 0, 3][k]!,
    confidence: 'verified' as const,
    narrative:
      'Rockets landed inside the perimeter near the residential blocks; casualties evacuated to the clinic.',
  }));
  return [
    ...fire,
    {
      ...base,
      id: 'I-006',
      type: 'threat',
      at: `${addDays(demoWindow.end, -5)}T09:00:00+03:00`,
      injured: 0,
      killed: 0,
      confidence: 'credible',
      narrative:
        'Credible report of an attack being prepared against the camp before the final departure; it was thwarted.',
    },
  ];
}
