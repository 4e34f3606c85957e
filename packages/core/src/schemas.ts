/** The domain model's records as zod schemas: one truth for validation, types and API documents. */
import type { ConsentSeed } from './consent-words.js';
import { z } from 'zod';
import { isCountryCode, isDocumentCountryCode } from './countries.js';
import { needCodes, type NeedCode } from './needs.js';
import { SpecialSeatsSchema } from './special-seats.js';
import { isIsoDate, type IsoDate, type Iso3 } from './units.js';
import { caseStatuses } from './workflow.js';

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
  .transform((v) => v as IsoDate);
/** An ISO 3166-1 alpha-3 country code. */
export const CountrySchema = z
  .string()
  .refine(isCountryCode, { message: 'must be an ISO 3166-1 alpha-3 country code' })
  .transform((v) => v as Iso3);
/** A country code as travel documents use it (ISO 3166-1 alpha-3 or ICAO XXA/XXB/XXC/XXX). */
export const DocumentCountrySchema = z
  .string()
  .refine(isDocumentCountryCode, { message: 'must be an ISO 3166-1 alpha-3 or ICAO 9303 code' })
  .transform((v) => v as Iso3);
/** An ISO 639 language code (two or three lower-case letters). */
export const LanguageSchema = z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code');
/** A record identifier: letters, digits, dash, dot, underscore. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"');

/** The operation: one camp, its airport, its time window. */
export const OperationSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  campName: z.string().min(1),
  campCountry: CountrySchema,
  airportCode: z.string().regex(/^[A-Z]{3}$/, 'must be an IATA airport code'),
  timezone: z.string().min(1),
  windowStart: IsoDateSchema,
  windowEnd: IsoDateSchema,
  isDemo: z.boolean(),
});
export type Operation = z.infer<typeof OperationSchema>;

/** Case status. */
export const CaseStatusSchema = z.enum(caseStatuses);

/** A household: the case that moves as one. */
export const HouseholdSchema = z.object({
  id: IdSchema,
  status: CaseStatusSchema,
  originCountry: DocumentCountrySchema,
  languages: z.array(LanguageSchema),
  readyDate: IsoDateSchema.nullable(),
  priority: z.number().int().min(0).max(3),
});
export type Household = z.infer<typeof HouseholdSchema>;

/** The protected part of a person: encrypted at rest, shown by role. */
export const PersonPiiSchema = z.object({
  givenName: z.string().min(1).max(200),
  familyName: z.string().min(1).max(200),
  birthDate: IsoDateSchema.nullable(),
  phone: z.string().max(50).optional(),
  /** Set by `message contact` (issue 23); shown to the roles that see the phone. */
  email: z.string().max(254).optional(),
  protectionNote: z.string().max(4000).optional(),
});
export type PersonPii = z.infer<typeof PersonPiiSchema>;

/** A person in a household. */
export const PersonSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  isHead: z.boolean(),
  sex: z.enum(['F', 'M', 'X']),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  pii: PersonPiiSchema,
});
export type Person = z.infer<typeof PersonSchema>;

/** A specific need of a person (UNHCR code, severity 1 low – 3 high). */
export const NeedSchema = z.object({
  personId: IdSchema,
  code: z.enum(needCodes as [NeedCode, ...NeedCode[]]),
  severity: z.number().int().min(1).max(3),
});
export type Need = z.infer<typeof NeedSchema>;

/** A travel or identity document; number and MRZ are protected. */
export const DocumentSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  type: z.enum(['passport', 'travel-document', 'national-id', 'laissez-passer']),
  issuer: DocumentCountrySchema,
  expiry: IsoDateSchema.nullable(),
  number: z.string().min(1).max(40),
  mrz: z.tuple([z.string(), z.string()]).nullable(),
});
export type Document = z.infer<typeof DocumentSchema>;

/** Two cases that must travel or settle together. */
export const CaseLinkSchema = z.object({
  a: IdSchema,
  b: IdSchema,
  kind: z.enum(['travel-together', 'settle-together']),
});
export type CaseLink = z.infer<typeof CaseLinkSchema>;

/** A ranked destination wish of a household (rank 1 = first choice). */
export const PreferenceSchema = z.object({
  householdId: IdSchema,
  rank: z.number().int().min(1).max(20),
  destinationId: IdSchema,
});
export type Preference = z.infer<typeof PreferenceSchema>;

/** A tie of a household to a country (family there, previous residence, study, work). */
export const TieSchema = z.object({
  householdId: IdSchema,
  country: CountrySchema,
  kind: z.enum(['family', 'previous-residence', 'study', 'work']),
});
export type Tie = z.infer<typeof TieSchema>;

/** A period in which a destination takes no new arrivals. */
export const PauseSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema, reason: z.string() });

/** A host country's offer (M3). */
export const DestinationSchema = z.object({
  id: IdSchema,
  country: CountrySchema,
  name: z.string().min(1),
  maxHouseholdSize: z.number().int().min(1),
  medicalPlaces: z.number().int().min(0),
  disabilityPlaces: z.number().int().min(0),
  languages: z.array(LanguageSchema),
  requiresTies: z.boolean(),
  leadTimeDays: z.number().int().min(0),
  arrivalAirports: z.array(z.string().regex(/^[A-Z]{3}$/)),
  pauses: z.array(PauseSchema),
});
export type Destination = z.infer<typeof DestinationSchema>;

/** A quota for one period: persons, cases and medical places. */
export const PledgeSchema = z.object({
  destinationId: IdSchema,
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  persons: z.number().int().min(0),
  cases: z.number().int().min(0),
  medicalPlaces: z.number().int().min(0),
});
export type Pledge = z.infer<typeof PledgeSchema>;

/** A whole operation's registry, as created by the demo generator or an import. */
export interface OperationData {
  operation: Operation;
  households: Household[];
  persons: Person[];
  needs: Need[];
  documents: Document[];
  links: CaseLink[];
  preferences: Preference[];
  ties: Tie[];
  destinations: Destination[];
  pledges: Pledge[];
  /** Consents taken at registration (the demo records them; issue 20 item 4). */
  consents?: ConsentSeed[];
}

/** An ISO 8601 date-time with an explicit offset or Z, e.g. 2031-06-30T05:30:00+03:00. */
export const IsoDateTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an ISO 8601 date-time with a time zone offset, e.g. 2031-06-30T05:30:00+03:00',
  )
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'must be a real date and time' });

/** A flight or convoy out of the camp (M5). */
export const MovementSchema = z.object({
  id: IdSchema,
  kind: z.enum(['charter', 'scheduled', 'convoy']),
  origin: z.string().min(1).max(64),
  destinationId: IdSchema.nullable(),
  arrivalAirport: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an IATA airport code')
    .nullable(),
  departAt: IsoDateTimeSchema,
  timezone: z.string().min(1),
  seats: z.number().int().min(0),
  baggageKg: z.number().int().min(0),
  status: z.enum(['planned', 'confirmed', 'departed', 'arrived', 'cancelled']),
  /**
   * Who operates it: the IATA airline designator of a flight ('XY', '3U'), or a convoy operator's
   * reference; `movementProblems` checks the form for the kind.
   */
  carrier: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,16}$/, 'must be 1 to 17 capital letters, digits or hyphens')
    .nullable()
    .optional(),
  /** The flight number ('1234', '123A') or the convoy's reference. */
  flightNumber: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,16}$/, 'must be 1 to 17 capital letters, digits or hyphens')
    .nullable()
    .optional(),
  /** Arrival, ISO 8601 with the offset of the arrival airport or site; after `departAt`. */
  arriveAt: IsoDateTimeSchema.nullable().optional(),
  /**
   * Special places on board (stretcher, wheelchair, infant, escort); a kind not declared sets no
   * limit, 0 takes nobody who needs one. Null: none declared.
   */
  specialSeats: SpecialSeatsSchema.nullable().optional(),
});
export type Movement = z.infer<typeof MovementSchema>;

/** Ground-transfer capacity camp → airport on one day. */
export const GroundCapacitySchema = z.object({
  day: IsoDateSchema,
  persons: z.number().int().min(0),
  vehicles: z.number().int().min(0),
  hours: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'must be HH:MM-HH:MM'),
});
export type GroundCapacity = z.infer<typeof GroundCapacitySchema>;

/** Kinds of incident the log records (M8). */
export const incidentTypes = [
  'indirect-fire',
  'ground-assault',
  'abduction',
  'threat',
  'confiscation',
  'obstruction-of-movement',
  'other',
] as const;

/** An incident at or near the camp; the narrative is protected (encrypted at rest). */
export const IncidentSchema = z.object({
  id: IdSchema,
  type: z.enum(incidentTypes),
  at: IsoDateTimeSchema,
  timezone: z.string().min(1),
  site: z.string().min(1).max(200),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  injured: z.number().int().min(0),
  killed: z.number().int().min(0),
  source: z.string().max(200),
  confidence: z.enum(['verified', 'credible', 'unverified']),
  narrative: z.string().max(10_000).nullable(),
  cases: z.array(IdSchema),
});
export type Incident = z.infer<typeof IncidentSchema>;
