/** The Kabul-size allocation of the benchmark: 25,000 cases (about 124,000 people) × 50 destinations. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@corridor/core';
import type { AllocationInput } from '@corridor/optimizer';
import { dataDir } from './report.js';

/** Destinations shaped like UNHCR resettlement 2016 (29 countries) plus 21 smaller ones. */
export function kabulAllocation(seed: number): AllocationInput {
  const r = createRandom(seed);
  const shares = readFileSync(
    join(dataDir, 'unhcr-resettlement-2016/resettlement_2016_by_destination.csv'),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((c) => ({ id: c[0]!, share: Number(c[c.length - 2]) }));
  while (shares.length < 50)
    shares.push({ id: `D${shares.length}`, share: 0.002 + r.next() * 0.004 });
  const total = shares.reduce((s, d) => s + d.share, 0);
  const cases = Array.from({ length: 25_000 }, (_, i) => {
    const persons = 1 + r.weighted([0.09, 0.08, 0.11, 0.15, 0.16, 0.13, 0.11, 0.09, 0.08]);
    const prefs = new Set<string>();
    while (prefs.size < 3) prefs.add(shares[r.weighted(shares.map((d) => d.share + 0.01))]!.id);
    return {
      id: `K${i}`,
      persons,
      medicalPersons: r.chance(0.08) ? 1 : 0,
      disabilityPersons: 0,
      languages: [r.pick(['ps', 'prs', 'en'])],
      preferences: [...prefs],
      ties: r.chance(0.1) ? [[...prefs][0]!] : [],
    };
  });
  const people = cases.reduce((s, c) => s + c.persons, 0);
  return {
    cases,
    links: [],
    destinations: shares.map((d) => {
      const persons = Math.round((1.04 * people * d.share) / total) + 20;
      return {
        id: d.id,
        persons,
        cases: Math.round(persons / 3.5),
        medicalPlaces: Math.round(persons * 0.03),
        disabilityPlaces: persons,
        maxHouseholdSize: r.chance(0.3) ? 6 : 12,
        languages: r.chance(0.4) ? ['en'] : [],
        requiresTies: false,
        paused: false,
      };
    }),
  };
}
