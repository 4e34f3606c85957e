/**
 * The manifest of one movement (M6): households grouped and whole, every person with their
 * travel document and boarding status, totals for seats and baggage, and warnings about
 * documents that expire before arrival, failed MRZ check digits and check-in conflicts.
 */
import { assistanceNeedCodes } from './redact.js';
import type { CheckinStatus } from './checkin.js';
import type { ExportTable, RegistrySnapshot, SnapshotDocument } from './export-rows.js';
import { mrzDateToIso, parseTd3 } from './mrz.js';
import type { PaxlstInput, PaxlstPassenger } from './paxlst.js';
import { addDays, type IsoDate } from './units.js';

/** The movement a manifest is for. */
export interface ManifestMovement {
  id: string;
  kind: string;
  origin: string;
  destinationId: string | null;
  arrivalAirport: string | null;
  /** ISO 8601 local time with offset. */
  departAt: string;
  timezone: string;
  seats: number;
  baggageKg: number;
  status: string;
  /** IATA airline designator or convoy operator, if known. */
  carrier?: string | null;
  /** Flight number or convoy reference, if known. */
  flightNumber?: string | null;
  /** Arrival, ISO 8601 with the arrival airport's offset, if known. */
  arriveAt?: string | null;
}

/** A person's check-in state as the manifest shows it. */
export interface ManifestCheckin {
  status: CheckinStatus | 'conflict';
  station: string;
  at: string;
}

/** What a manifest is built from. */
export interface ManifestInput {
  operation: { id: string; name: string; airportCode: string };
  movement: ManifestMovement;
  /** The households on the movement (from the current timetable). */
  registry: RegistrySnapshot;
  checkins: ReadonlyMap<string, ManifestCheckin>;
  generatedAt: string;
  /** Days a document must stay valid after arrival (default 0). */
  minValidityDays?: number;
  /**
   * Days from departure to arrival (default: the movement's arrival day when it has one, else 1
   * for overnight flights and convoys).
   */
  travelDays?: number;
}

/** One line of the manifest. */
export interface ManifestEntry {
  line: number;
  householdId: string;
  personId: string;
  isHead: boolean;
  familyName: string;
  givenNames: string;
  sex: string;
  birthDate: string;
  nationality: string;
  document: SnapshotDocument | null;
  /** Needs boarding staff must know (medical, disability, older, pregnant). */
  needs: string[];
  baggageKg: number;
  status: CheckinStatus | 'conflict' | 'booked';
  station: string;
  at: string;
}

/** Something to fix or check before departure. */
export interface ManifestWarning {
  kind: 'document-expires' | 'mrz' | 'no-document' | 'over-capacity' | 'conflict' | 'erased';
  householdId: string | null;
  personId: string | null;
  message: string;
}

/** A built manifest. */
export interface Manifest {
  operation: ManifestInput['operation'];
  movement: ManifestMovement;
  generatedAt: string;
  arrivalDay: string;
  totals: {
    households: number;
    persons: number;
    seats: number;
    seatsFree: number;
    baggagePerPersonKg: number;
    baggageAllowanceKg: number;
    booked: number;
    checkedIn: number;
    boarded: number;
    noShow: number;
    arrived: number;
    conflicts: number;
  };
  households: { id: string; status: string; linkedCases: string[]; entries: ManifestEntry[] }[];
  warnings: ManifestWarning[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function documentWarnings(
  e: ManifestEntry,
  expiryLimit: string,
  arrivalDay: string,
): ManifestWarning[] {
  const out: ManifestWarning[] = [];
  const w = (kind: ManifestWarning['kind'], message: string) =>
    out.push({ kind, householdId: e.householdId, personId: e.personId, message });
  const d = e.document;
  if (!d || d.type === 'national-id') {
    w('no-document', `person ${e.personId} has no passport or travel document`);
    return out;
  }
  if (d.expiry && d.expiry < expiryLimit)
    w(
      'document-expires',
      `person ${e.personId}: document ${d.id} expires on ${d.expiry}, before ${expiryLimit === arrivalDay ? `arrival (${arrivalDay})` : `${expiryLimit} (arrival ${arrivalDay} plus the required validity)`}`,
    );
  if (d.mrz) {
    const { fields, problems } = parseTd3(d.mrz[0], d.mrz[1]);
    for (const p of problems)
      w('mrz', `person ${e.personId}: MRZ of document ${d.id}: ${p.field} ${p.reason}`);
    if (problems.length === 0) {
      if (
        d.number &&
        fields.number !==
          d.number
            .replace(/[^A-Z0-9]/gi, '')
            .toUpperCase()
            .slice(0, 9)
      )
        w('mrz', `person ${e.personId}: MRZ of document ${d.id} names another document number`);
      if (d.expiry && mrzDateToIso(fields.expiryDate, 2099) !== d.expiry)
        w('mrz', `person ${e.personId}: MRZ of document ${d.id} gives another date of expiry`);
    }
  }
  return out;
}

/** Builds the manifest: households by id, head first; warnings for every document problem. */
export function buildManifest(input: ManifestInput): Manifest {
  const { movement, registry } = input;
  const departDay = movement.departAt.slice(0, 10) as IsoDate;
  const arrivalDay =
    input.travelDays === undefined && movement.arriveAt
      ? (movement.arriveAt.slice(0, 10) as IsoDate)
      : addDays(departDay, input.travelDays ?? 1);
  const expiryLimit = addDays(arrivalDay, input.minValidityDays ?? 0);
  const perPerson = movement.seats > 0 ? Math.floor(movement.baggageKg / movement.seats) : 0;
  const docs = new Map<string, SnapshotDocument>();
  for (const d of [...registry.documents].sort((a, b) => byText(a.id, b.id)))
    if (!docs.has(d.personId) || docs.get(d.personId)!.type === 'national-id')
      docs.set(d.personId, d);
  const needs = new Map<string, string[]>();
  for (const n of registry.needs)
    if (assistanceNeedCodes.includes(n.code))
      needs.set(n.personId, [...(needs.get(n.personId) ?? []), n.code]);
  const origin = new Map(registry.households.map((h) => [h.id, h.originCountry as string]));
  const warnings: ManifestWarning[] = [];
  let line = 0;
  const households = [...registry.households]
    .sort((a, b) => byText(a.id, b.id))
    .map((h) => {
      const people = registry.persons
        .filter((p) => p.householdId === h.id)
        .sort((a, b) => Number(b.isHead) - Number(a.isHead) || byText(a.id, b.id));
      const entries = people.map((p): ManifestEntry => {
        const d = docs.get(p.id) ?? null;
        const mrzNationality = d?.mrz ? d.mrz[1].slice(10, 13).replace(/</g, '') : '';
        const c = input.checkins.get(p.id);
        const entry: ManifestEntry = {
          line: ++line,
          householdId: h.id,
          personId: p.id,
          isHead: p.isHead,
          familyName: p.pii?.familyName ?? '',
          givenNames: p.pii?.givenName ?? '',
          sex: p.sex,
          birthDate: p.pii?.birthDate ?? (p.birthYear === null ? '' : String(p.birthYear)),
          nationality:
            mrzNationality || (d?.type === 'passport' ? d.issuer : (origin.get(h.id) ?? '')),
          document: d,
          needs: (needs.get(p.id) ?? []).sort(byText),
          baggageKg: perPerson,
          status: c?.status ?? 'booked',
          station: c?.station ?? '',
          at: c?.at ?? '',
        };
        if (!p.pii)
          warnings.push({
            kind: 'erased',
            householdId: h.id,
            personId: p.id,
            message: `person ${p.id}: personal data erased; identify in person`,
          });
        if (entry.status === 'conflict')
          warnings.push({
            kind: 'conflict',
            householdId: h.id,
            personId: p.id,
            message: `person ${p.id}: check-in stations disagree; decide with \`corridor checkin resolve\``,
          });
        warnings.push(...documentWarnings(entry, expiryLimit, arrivalDay));
        return entry;
      });
      const linkedCases = registry.links
        .filter((l) => l.a === h.id || l.b === h.id)
        .map((l) => `${l.a === h.id ? l.b : l.a}:${l.kind}`)
        .sort(byText);
      return { id: h.id, status: h.status, linkedCases, entries };
    });
  const all = households.flatMap((h) => h.entries);
  const count = (s: ManifestEntry['status']) => all.filter((e) => e.status === s).length;
  const noShow = count('no-show');
  if (all.length > movement.seats)
    warnings.unshift({
      kind: 'over-capacity',
      householdId: null,
      personId: null,
      message: `${all.length} persons are booked on ${movement.seats} seats`,
    });
  return {
    operation: input.operation,
    movement,
    generatedAt: input.generatedAt,
    arrivalDay,
    totals: {
      households: households.length,
      persons: all.length,
      seats: movement.seats,
      seatsFree: Math.max(0, movement.seats - (all.length - noShow)),
      baggagePerPersonKg: perPerson,
      baggageAllowanceKg: perPerson * (all.length - noShow),
      booked: count('booked'),
      checkedIn: count('checked-in'),
      boarded: count('boarded'),
      noShow,
      arrived: count('arrived'),
      conflicts: count('conflict'),
    },
    households,
    warnings,
  };
}

/** The manifest as a table (CSV, XLSX): one line per person, households together. */
export function manifestTable(m: Manifest): ExportTable {
  const warned = new Map<string, string[]>();
  for (const w of m.warnings)
    if (w.personId) warned.set(w.personId, [...(warned.get(w.personId) ?? []), w.kind]);
  const columns = [
    ['line', '#meta+line'],
    ['household_id', '#affected+hh+id'],
    ['person_id', '#affected+ind+id'],
    ['is_head', '#affected+ind+head'],
    ['family_name', '#affected+ind+name+family'],
    ['given_name', '#affected+ind+name+given'],
    ['sex', '#affected+ind+sex'],
    ['birth_date', '#date+birth'],
    ['nationality', '#country+code+nationality'],
    ['document_type', '#affected+doc+type'],
    ['document_number', '#affected+doc+id'],
    ['document_issuer', '#country+code+issuer'],
    ['document_expiry', '#date+expiry'],
    ['needs', '#affected+ind+needs'],
    ['baggage_kg', '#capacity+baggage+kg'],
    ['seat', '#meta+seat'],
    ['status', '#status+boarding'],
    ['station', '#meta+station'],
    ['status_at', '#date+status'],
    ['warnings', '#meta+warnings'],
  ].map(([name, hxl]) => ({ name: name!, hxl: hxl! }));
  const rows = m.households.flatMap((h) =>
    h.entries.map((e) => [
      String(e.line),
      e.householdId,
      e.personId,
      e.isHead ? 'yes' : 'no',
      e.familyName,
      e.givenNames,
      e.sex,
      e.birthDate,
      e.nationality,
      e.document?.type ?? '',
      e.document?.number ?? '',
      e.document?.issuer ?? '',
      e.document?.expiry ?? '',
      e.needs.join(';'),
      String(e.baggageKg),
      '',
      e.status,
      e.station,
      e.at,
      [...new Set(warned.get(e.personId) ?? [])].join(';'),
    ]),
  );
  return { columns, rows };
}

const documentCodes: Record<string, string> = {
  passport: 'P',
  'travel-document': 'P',
  'national-id': 'I',
  'laissez-passer': 'F',
};

/**
 * The PAXLST content of a manifest: everyone booked except no-shows and erased records. The
 * conveyance is the carrier and flight number when the movement has both (XY1234, carrier XY),
 * else the movement id and its kind; the arrival time is the movement's, local at arrival.
 */
export function paxlstInputOf(
  m: Manifest,
  options: {
    sender: string;
    recipient: string;
    reference: string;
    preparedAt: Date;
    carrier?: string;
  },
): PaxlstInput {
  const passengers: PaxlstPassenger[] = m.households
    .flatMap((h) => h.entries)
    .filter((e) => e.status !== 'no-show' && e.familyName !== '')
    .map((e) => ({
      surname: e.familyName,
      givenNames: e.givenNames,
      sex: e.sex === 'F' || e.sex === 'M' ? e.sex : 'X',
      birthDate: /^\d{4}-\d{2}-\d{2}$/.test(e.birthDate) ? e.birthDate : null,
      nationality: e.nationality || 'XXX',
      embarkation: m.movement.origin,
      debarkation: m.movement.arrivalAirport ?? '',
      document:
        e.document && e.document.number
          ? {
              code: e.document.mrz
                ? e.document.mrz[0].slice(0, 1)
                : (documentCodes[e.document.type] ?? 'P'),
              number: e.document.number,
              expiry: e.document.expiry,
              issuer: e.document.issuer,
            }
          : null,
    }));
  return {
    sender: options.sender,
    recipient: options.recipient,
    reference: options.reference,
    preparedAt: options.preparedAt,
    reportingParty: m.operation.name,
    transportId:
      m.movement.carrier && m.movement.flightNumber
        ? m.movement.carrier + m.movement.flightNumber
        : m.movement.id,
    carrier: options.carrier ?? m.movement.carrier ?? m.movement.kind.toUpperCase(),
    departureAirport: m.movement.origin,
    departureLocal: m.movement.departAt.slice(0, 16),
    arrivalAirport: m.movement.arrivalAirport ?? '',
    arrivalLocal: m.movement.arriveAt ? m.movement.arriveAt.slice(0, 16) : null,
    passengers,
  };
}
