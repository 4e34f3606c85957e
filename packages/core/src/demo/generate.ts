/** A deterministic generator of the synthetic, seed-shaped demo operation. */
import { buildTd3 } from '../mrz.js';
import { createRandom, type Random } from '../random.js';
import type {
  CaseLink,
  Destination,
  Document,
  Household,
  Need,
  OperationData,
  Person,
  Pledge,
  Preference,
  Tie,
} from '../schemas.js';
import { addDays, type Iso3, type IsoDate } from '../units.js';
import type { CaseStatus } from '../workflow.js';
import { buildDestinations, destinationSeeds } from './destinations.js';
import { demoConsents } from './consents.js';
import { finalGroup, finalGroupSize } from './final-group.js';
import { familyName, givenName, misspell } from './names.js';

/** Options of the demo generator. */
export interface DemoOptions {
  /** About how many residents to create. */
  people: number;
  /** Seed of the random generator: the same seed gives the same operation. */
  seed: number;
}

/** Defaults of the demo generator: the reference camp of about 2,000 residents. */
export const defaultDemoOptions: Required<DemoOptions> = { people: 2000, seed: 1 };

/** First and last day of the demo operation (4.5 years). */
export const demoWindow = { start: '2027-01-01' as IsoDate, end: '2031-06-30' as IsoDate };

// Household sizes 1..8: many single adults, and families up to eight (mean about 3.4).
const sizeWeights = [0.3, 0.12, 0.12, 0.14, 0.13, 0.1, 0.06, 0.03];
const origins: { code: string; weight: number; languages: string[] }[] = [
  { code: 'IRN', weight: 0.4, languages: ['fa'] },
  { code: 'IRQ', weight: 0.2, languages: ['ar', 'ku'] },
  { code: 'SYR', weight: 0.15, languages: ['ar'] },
  { code: 'AFG', weight: 0.15, languages: ['prs', 'ps'] },
  { code: 'XXA', weight: 0.1, languages: ['ar', 'fa'] },
];
const popularity = [0.4, 1.6, 1.3, 0.8, 0.9, 1.0, 0.7, 0.6, 0.8, 1.4];
const statusWeights: [CaseStatus, number][] = [
  ['registered', 0.18],
  ['verified', 0.66],
  ['referred', 0.08],
  ['accepted', 0.05],
  ['on-hold', 0.03],
];

/** Generates the whole demo operation; the same options always give the same data. */
export function generateDemo(options: Partial<DemoOptions> = {}): OperationData {
  const o = { ...defaultDemoOptions, ...options };
  const random = createRandom(o.seed);
  const people = new PeopleBuilder(random);
  while (people.persons.length < o.people) people.addHousehold();
  people.addDuplicates(Math.max(2, Math.round(o.people / 300)));
  const pledged = Math.ceil(people.persons.length * 1.08);
  const destinations = buildDestinations((share) => Math.round(pledged * share));
  const links = linkCases(random, people.households);
  const drawn = preferences(random, people.households, destinations);
  const caseTies = ties(random, people.households);
  const main = destinations[mainSeedIndex()] as Destination;
  const chosen = mainStateFirst(
    drawn,
    main.id,
    finalGroup(
      { ...people, links, ties: caseTies },
      finalGroupSize(Math.round(pledged * destinationSeeds[mainSeedIndex()]!.share)),
    ),
  );
  return {
    operation: {
      id: 'demo',
      name: 'Demo relocation (synthetic)',
      campName: 'Camp Meridian',
      campCountry: 'IRQ' as Iso3,
      airportCode: 'BGW',
      timezone: 'Asia/Baghdad',
      windowStart: demoWindow.start,
      windowEnd: demoWindow.end,
      isDemo: true,
    },
    households: people.households,
    persons: people.persons,
    needs: people.needs,
    documents: people.documents,
    links,
    preferences: chosen,
    ties: caseTies,
    destinations,
    pledges: pledges(destinations, pledged),
    consents: demoConsents(
      people.households,
      people.persons,
      chosen,
      destinations,
      destinationSeeds[mainSeedIndex()]!.country,
      demoWindow.start,
    ),
  };
}

class PeopleBuilder {
  households: Household[] = [];
  persons: Person[] = [];
  needs: Need[] = [];
  documents: Document[] = [];
  private origin = new Map<string, string>();

  constructor(private random: Random) {}

  addHousehold(): void {
    const r = this.random;
    const size = r.weighted(sizeWeights) + 1;
    const id = `C-${String(this.households.length + 1).padStart(4, '0')}`;
    const origin = origins[r.weighted(origins.map((x) => x.weight))] as (typeof origins)[number];
    const languages = [...origin.languages.slice(0, r.int(1, origin.languages.length))];
    if (r.chance(0.3)) languages.push('en');
    if (r.chance(0.04)) languages.push('de');
    const status = statusWeights[r.weighted(statusWeights.map((s) => s[1]))]?.[0] ?? 'verified';
    this.households.push({
      id,
      status,
      originCountry: origin.code as Iso3,
      languages,
      readyDate: null,
      priority: 0,
    });
    this.origin.set(id, origin.code);
    const family = familyName(r);
    const first = this.persons.length;
    const headAge = size === 1 ? r.int(19, 70) : r.int(24, 62);
    const headSex: 'F' | 'M' =
      size === 1 ? (r.chance(0.65) ? 'M' : 'F') : r.chance(0.8) ? 'M' : 'F';
    this.addPerson(id, family, headSex, headAge, true);
    let left = size - 1;
    if (left > 0 && r.chance(0.85)) {
      this.addPerson(
        id,
        family,
        headSex === 'M' ? 'F' : 'M',
        Math.max(18, headAge + r.int(-8, 4)),
        false,
      );
      left--;
    }
    if (left > 0 && headAge > 40 && r.chance(0.25)) {
      this.addPerson(id, family, r.chance(0.6) ? 'F' : 'M', headAge + r.int(22, 32), false);
      left--;
    }
    for (; left > 0; left--) {
      this.addPerson(
        id,
        family,
        r.chance(0.5) ? 'F' : 'M',
        r.int(0, Math.max(0, Math.min(25, headAge - 18))),
        false,
      );
    }
    const members = this.persons.slice(first);
    if (size > 1 && members.filter((p) => p.birthYear! < 2027 - 17).length === 1) {
      this.needs.push({
        personId: members[0]!.id,
        code: 'SP',
        severity: 1,
      });
    }
  }

  private addPerson(
    householdId: string,
    family: string,
    sex: 'F' | 'M',
    age: number,
    isHead: boolean,
  ): void {
    const r = this.random;
    const id = `P-${String(this.persons.length + 1).padStart(5, '0')}`;
    const birthYear = 2027 - age;
    const birthDate =
      `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` as IsoDate;
    const given = givenName(r, sex);
    this.persons.push({
      id,
      householdId,
      isHead,
      sex,
      birthYear,
      pii: {
        givenName: given,
        familyName: family,
        birthDate,
        ...(isHead
          ? { phone: `+964 7${r.int(10, 99)} ${r.int(100, 999)} ${r.int(1000, 9999)}` }
          : {}),
        ...(r.chance(0.05)
          ? {
              protectionNote:
                'Reported threats before arrival in the camp; keep location confidential.',
            }
          : {}),
      },
    });
    if (r.chance(0.08)) this.needs.push({ personId: id, code: 'SM', severity: r.int(1, 3) });
    if (r.chance(0.03)) this.needs.push({ personId: id, code: 'DS', severity: r.int(1, 3) });
    if (age >= 60 && r.chance(0.5))
      this.needs.push({ personId: id, code: 'ER', severity: r.int(1, 2) });
    if (age < 18 && r.chance(0.03))
      this.needs.push({ personId: id, code: 'CR', severity: r.int(1, 3) });
    if (sex === 'F' && age >= 18 && isHead && r.chance(0.3))
      this.needs.push({ personId: id, code: 'WR', severity: 2 });
    if (r.chance(age >= 16 ? 0.78 : 0.5))
      this.addDocument(id, given, family, sex, birthDate, householdId);
  }

  private addDocument(
    personId: string,
    given: string,
    family: string,
    sex: 'F' | 'M',
    birthDate: IsoDate,
    householdId: string,
  ): void {
    const r = this.random;
    const origin = this.origin.get(householdId) ?? 'XXA';
    const refugeeDoc = origin === 'XXA' || r.chance(0.3);
    const issuer = refugeeDoc ? 'XXB' : origin;
    const number = `${String.fromCharCode(65 + r.int(0, 25))}${String.fromCharCode(65 + r.int(0, 25))}${r.int(1_000_000, 9_999_999)}`;
    const expiry = addDays('2026-06-01' as IsoDate, r.int(0, 365 * 9));
    const mrz = buildTd3({
      documentCode: 'P',
      issuer,
      surname: family,
      givenNames: given,
      number,
      nationality: refugeeDoc ? 'XXB' : origin,
      birthDate,
      sex,
      expiryDate: expiry,
      personalNumber: '',
    });
    this.documents.push({
      id: `D-${String(this.documents.length + 1).padStart(5, '0')}`,
      personId,
      type: refugeeDoc ? 'travel-document' : 'passport',
      issuer: issuer as Iso3,
      expiry,
      number,
      mrz,
    });
  }

  /** Registers some single adults a second time, with a typo, as happens at busy registration desks. */
  addDuplicates(count: number): void {
    const r = this.random;
    const members = new Map<string, Person[]>();
    for (const p of this.persons)
      members.set(p.householdId, [...(members.get(p.householdId) ?? []), p]);
    const documentOf = new Map<string, Document>();
    for (const d of this.documents) if (!documentOf.has(d.personId)) documentOf.set(d.personId, d);
    const singles = this.households.filter((h) => members.get(h.id)?.length === 1);
    for (let k = 0; k < count && singles.length > 0; k++) {
      const source = singles.splice(r.int(0, singles.length - 1), 1)[0] as Household;
      const original = members.get(source.id)![0]!;
      const id = `C-${String(this.households.length + 1).padStart(4, '0')}`;
      this.households.push({
        ...source,
        id,
        status: 'registered',
        languages: [...source.languages],
      });
      const personId = `P-${String(this.persons.length + 1).padStart(5, '0')}`;
      this.persons.push({
        ...original,
        id: personId,
        householdId: id,
        pii: { ...original.pii, givenName: misspell(r, original.pii.givenName) },
      });
      const doc = documentOf.get(original.id);
      if (doc && k % 2 === 0) {
        this.documents.push({
          ...doc,
          id: `D-${String(this.documents.length + 1).padStart(5, '0')}`,
          personId,
        });
      }
    }
  }
}

function linkCases(random: Random, households: Household[]): CaseLink[] {
  const links: CaseLink[] = [];
  for (let i = 0; i + 1 < households.length; i++) {
    const a = households[i] as Household;
    const b = households[i + 1] as Household;
    if (a.originCountry === b.originCountry && random.chance(0.06)) {
      links.push({
        a: a.id,
        b: b.id,
        kind: random.chance(0.6) ? 'settle-together' : 'travel-together',
      });
      i++;
    }
  }
  return links;
}

function preferences(
  random: Random,
  households: Household[],
  destinations: Destination[],
): Preference[] {
  const out: Preference[] = [];
  for (const h of households) {
    const chosen = new Set<number>();
    const count = random.weighted([0.1, 0.2, 0.7]) + 1;
    while (chosen.size < count) chosen.add(random.weighted(popularity));
    [...chosen].forEach((d, rank) =>
      out.push({
        householdId: h.id,
        rank: rank + 1,
        destinationId: (destinations[d] as Destination).id,
      }),
    );
  }
  return out;
}

/** The index of the main host state (the largest share) among the destination seeds. */
function mainSeedIndex(): number {
  return destinationSeeds.reduce((best, d, i, all) => (d.share > all[best]!.share ? i : best), 0);
}

/** The final group's households ask for the main host state first, their other choices after. */
function mainStateFirst(drawn: Preference[], mainId: string, group: string[]): Preference[] {
  const others = new Map<string, Preference[]>(group.map((id) => [id, []]));
  for (const p of drawn) if (p.destinationId !== mainId) others.get(p.householdId)?.push(p);
  const out: Preference[] = [];
  for (const p of drawn) {
    const own = others.get(p.householdId);
    if (!own) out.push(p);
    else if (p.rank === 1)
      [mainId, ...own.sort((a, b) => a.rank - b.rank).map((o) => o.destinationId)]
        .slice(0, 3)
        .forEach((destinationId, k) =>
          out.push({ householdId: p.householdId, rank: k + 1, destinationId }),
        );
  }
  return out;
}

function ties(random: Random, households: Household[]): Tie[] {
  const out: Tie[] = [];
  const countries = destinationSeeds.map((d) => d.country).filter((c) => c !== 'ALB');
  const kinds: Tie['kind'][] = [
    'family',
    'family',
    'family',
    'previous-residence',
    'study',
    'work',
  ];
  for (const h of households) {
    if (random.chance(0.15))
      out.push({
        householdId: h.id,
        country: random.pick(countries) as Iso3,
        kind: random.pick(kinds),
      });
  }
  return out;
}

/** Half-year pledges over the window; each destination's places spread evenly. */
function pledges(destinations: Destination[], pledgedTotal: number): Pledge[] {
  const out: Pledge[] = [];
  const periods = 9;
  destinationSeeds.forEach((seed, i) => {
    const d = destinations[i] as Destination;
    const persons = Math.round(pledgedTotal * seed.share);
    for (let p = 0; p < periods; p++) {
      const start = addDays(demoWindow.start, Math.round((p * 1642) / periods));
      const end = addDays(demoWindow.start, Math.round(((p + 1) * 1642) / periods) - 1);
      const share = (n: number) =>
        Math.floor((n * (p + 1)) / periods) - Math.floor((n * p) / periods);
      out.push({
        destinationId: d.id,
        periodStart: start,
        periodEnd: p === periods - 1 ? demoWindow.end : end,
        persons: share(persons),
        cases: share(Math.ceil(persons / 2.2)),
        medicalPlaces: share(d.medicalPlaces),
      });
    }
  });
  return out;
}
