/** The ten host countries of the demo operation; one takes most people, as in the reference case. */
import type { Destination } from '../schemas.js';
import type { Iso3, IsoDate } from '../units.js';

interface DestinationSeed {
  country: string;
  name: string;
  share: number;
  maxHouseholdSize: number;
  medicalShare: number;
  disabilityShare: number;
  languages: string[];
  requiresTies: boolean;
  leadTimeDays: number;
  airport: string;
  pause?: { from: string; to: string; reason: string };
}

/** Country, share of pledged places and rules of each demo destination. */
export const destinationSeeds: readonly DestinationSeed[] = [
  {
    country: 'ALB',
    name: 'Albania',
    share: 0.62,
    maxHouseholdSize: 12,
    medicalShare: 0.09,
    disabilityShare: 0.04,
    languages: ['sq', 'en'],
    requiresTies: false,
    leadTimeDays: 30,
    airport: 'TIA',
  },
  {
    country: 'DEU',
    name: 'Germany',
    share: 0.07,
    maxHouseholdSize: 8,
    medicalShare: 0.1,
    disabilityShare: 0.05,
    languages: ['de', 'en'],
    requiresTies: false,
    leadTimeDays: 90,
    airport: 'FRA',
    pause: {
      from: '2029-01-01',
      to: '2029-06-30',
      reason: 'intake paused for a review of reception capacity',
    },
  },
  {
    country: 'NLD',
    name: 'Netherlands',
    share: 0.05,
    maxHouseholdSize: 7,
    medicalShare: 0.08,
    disabilityShare: 0.04,
    languages: ['nl', 'en'],
    requiresTies: false,
    leadTimeDays: 120,
    airport: 'AMS',
  },
  {
    country: 'FIN',
    name: 'Finland',
    share: 0.04,
    maxHouseholdSize: 6,
    medicalShare: 0.1,
    disabilityShare: 0.05,
    languages: ['fi', 'sv', 'en'],
    requiresTies: false,
    leadTimeDays: 120,
    airport: 'HEL',
  },
  {
    country: 'ITA',
    name: 'Italy',
    share: 0.05,
    maxHouseholdSize: 8,
    medicalShare: 0.06,
    disabilityShare: 0.03,
    languages: ['it', 'en'],
    requiresTies: false,
    leadTimeDays: 60,
    airport: 'FCO',
  },
  {
    country: 'NOR',
    name: 'Norway',
    share: 0.04,
    maxHouseholdSize: 6,
    medicalShare: 0.1,
    disabilityShare: 0.05,
    languages: ['no', 'en'],
    requiresTies: false,
    leadTimeDays: 90,
    airport: 'OSL',
  },
  {
    country: 'DNK',
    name: 'Denmark',
    share: 0.03,
    maxHouseholdSize: 6,
    medicalShare: 0.08,
    disabilityShare: 0.04,
    languages: ['da', 'en'],
    requiresTies: false,
    leadTimeDays: 90,
    airport: 'CPH',
  },
  {
    country: 'IRL',
    name: 'Ireland',
    share: 0.03,
    maxHouseholdSize: 6,
    medicalShare: 0.08,
    disabilityShare: 0.04,
    languages: ['en', 'ga'],
    requiresTies: true,
    leadTimeDays: 60,
    airport: 'DUB',
  },
  {
    country: 'BEL',
    name: 'Belgium',
    share: 0.03,
    maxHouseholdSize: 7,
    medicalShare: 0.08,
    disabilityShare: 0.04,
    languages: ['fr', 'nl', 'de'],
    requiresTies: false,
    leadTimeDays: 90,
    airport: 'BRU',
  },
  {
    country: 'GBR',
    name: 'United Kingdom',
    share: 0.04,
    maxHouseholdSize: 8,
    medicalShare: 0.08,
    disabilityShare: 0.04,
    languages: ['en'],
    requiresTies: true,
    leadTimeDays: 120,
    airport: 'LHR',
  },
];

/** Builds the destination records with places sized to the pledged persons. */
export function buildDestinations(pledgedPersons: (share: number) => number): Destination[] {
  return destinationSeeds.map((s) => {
    const persons = pledgedPersons(s.share);
    return {
      id: s.country,
      country: s.country as Iso3,
      name: s.name,
      maxHouseholdSize: s.maxHouseholdSize,
      medicalPlaces: Math.round(persons * s.medicalShare),
      disabilityPlaces: Math.round(persons * s.disabilityShare),
      languages: s.languages,
      requiresTies: s.requiresTies,
      leadTimeDays: s.leadTimeDays,
      arrivalAirports: [s.airport],
      pauses: s.pause
        ? [{ from: s.pause.from as IsoDate, to: s.pause.to as IsoDate, reason: s.pause.reason }]
        : [],
    };
  });
}
