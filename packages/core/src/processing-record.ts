/**
 * What the records of processing activities (GDPR Art. 30) and a DPIA draft are drawn from: the
 * operation's settings and counts, never a person's data. Pure types and the fixed parts.
 */
import type { PersonField } from './redact.js';
import type { RetentionRule } from './retention.js';
import type { Role } from './roles.js';

/** The operation's facts a DPO's documents state (counts, countries, carriers; no person). */
export interface ProcessingFacts {
  operation: {
    name: string;
    campName: string;
    campCountry: string;
    airportCode: string;
    windowStart: string;
    windowEnd: string;
    isDemo: boolean;
  } | null;
  persons: number;
  erasedPersons: number;
  cases: number;
  /** Persons with a need, by UNHCR specific-needs code (health and protection data). */
  needs: Record<string, number>;
  documents: number;
  /** Destination states, with how many cases each is planned to receive. */
  destinations: { country: string; name: string }[];
  /** Airlines and convoy operators of the movements. */
  carriers: string[];
  movements: number;
  checkinRecords: number;
  incidents: number;
  incidentNarratives: number;
  belongings: number;
  /** Hosts that receive webhook events. */
  webhookHosts: string[];
  users: Record<string, number>;
  keyGeneration: number;
  pendingErasures: number;
  backups: number;
  backupRetentionDays: number | null;
  activeLegalHolds: number;
  retention: (RetentionRule & { isDefault: boolean })[];
}

/** The purposes Corridor processes personal data for, each with the data it needs. */
export const processingPurposes: readonly { purpose: string; data: string; basis: string }[] = [
  {
    purpose: 'Registration of residents and their cases (households), with duplicate review',
    data: 'names, birth dates, sex, household, contact, specific needs, documents',
    basis: 'vital interests / public interest (humanitarian mandate); consent where required',
  },
  {
    purpose: 'Referral and allocation of cases to destination states',
    data: 'case composition, needs, preferences, ties, languages',
    basis: 'public interest; consent to referral to the named state',
  },
  {
    purpose: 'Movement planning, manifests, check-in and boarding',
    data: 'names as on the document, document number and expiry, MRZ check, seat, baggage',
    basis: 'public interest; consent to sharing with the carrier',
  },
  {
    purpose: 'Messages to households: check-in calls, movement changes, documents, appointments',
    data: 'e-mail address or phone number (sealed), case languages; the message log holds ids only',
    basis: 'consent to messages (every member), or declared vital interests',
  },
  {
    purpose: 'Protection: case history, protection notes, specific protection needs',
    data: 'free text about persons (sealed), protection needs codes',
    basis: 'vital interests',
  },
  {
    purpose: 'Property and personal belongings: ledger and chain of custody',
    data: 'belongings’ descriptions and custody details (encrypted)',
    basis: 'legitimate interests of the residents',
  },
  {
    purpose: 'Security and risk: incident log and hazard estimate',
    data: 'incident narratives that may name victims or witnesses (encrypted)',
    basis: 'vital interests',
  },
  {
    purpose: 'Accountability: user accounts, audit log',
    data: 'staff user names and roles; audit metadata (no personal values of residents)',
    basis: 'legal obligation / legitimate interests',
  },
];

/** What a role sees, for the documents' access section. */
export interface RoleAccess {
  role: Role;
  fields: PersonField[];
}
