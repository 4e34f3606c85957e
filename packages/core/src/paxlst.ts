/**
 * UN/EDIFACT PAXLST passenger manifests, directory D:05B, as profiled by the WCO/IATA/ICAO
 * Guidelines on Advance Passenger Information (API): one interchange (UNB…UNZ) holding one
 * functional group (UNG…UNE) with one message (UNH…UNT) for one flight or convoy.
 */
import { defaultSyntax, unaSegment, writeSegment } from './edifact.js';

/** The message version this module writes. */
export const paxlstVersion = { directory: 'D', release: '05B', agency: 'UN', association: 'IATA' };

/** One passenger of a PAXLST message. */
export interface PaxlstPassenger {
  surname: string;
  givenNames: string;
  sex: 'M' | 'F' | 'X';
  /** YYYY-MM-DD, if known. */
  birthDate: string | null;
  nationality: string;
  embarkation: string;
  debarkation: string;
  document: {
    /** ICAO 9303 document code: P (passport or travel document), I (identity card), … */
    code: string;
    number: string;
    expiry: string | null;
    issuer: string;
  } | null;
}

/** What a PAXLST message says. */
export interface PaxlstInput {
  sender: string;
  recipient: string;
  /** Interchange control reference: up to 14 letters and digits. */
  reference: string;
  preparedAt: Date;
  /** The reporting party (NAD+MS). */
  reportingParty: string;
  /** Flight or convoy id (TDT conveyance reference). */
  transportId: string;
  carrier: string;
  departureAirport: string;
  /** Local date-time `YYYY-MM-DDTHH:MM` at the departure airport. */
  departureLocal: string;
  arrivalAirport: string;
  arrivalLocal: string | null;
  passengers: readonly PaxlstPassenger[];
}

/** Upper-case Latin text in the UNOA character set: accents dropped, other marks as spaces. */
export function unoaText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 .,\-()/=':?!"%&*;<>+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const yymmddhhmm = (local: string) => yymmdd(local) + local.slice(11, 13) + local.slice(14, 16);

/** Writes the PAXLST interchange; each segment on its own line (line breaks between segments are allowed). */
export function buildPaxlst(input: PaxlstInput): string {
  const at = input.preparedAt.toISOString();
  const prepared = [yymmdd(at), at.slice(11, 13) + at.slice(14, 16)];
  const ref =
    input.reference
      .replace(/[^A-Z0-9]/gi, '')
      .toUpperCase()
      .slice(0, 14) || '1';
  const id = (text: string, max: number) => unoaText(text).replace(/\s+/g, '').slice(0, max);
  const seg = (tag: string, ...elements: Parameters<typeof writeSegment>[1]) =>
    writeSegment(tag, elements);
  const message: string[] = [
    seg(
      'UNH',
      '1',
      [
        'PAXLST',
        paxlstVersion.directory,
        paxlstVersion.release,
        paxlstVersion.agency,
        paxlstVersion.association,
      ],
      `${id(input.transportId, 17)}/${yymmdd(input.departureLocal)}`,
      ['01', 'F'],
    ),
    seg('BGM', '745'),
    seg('NAD', 'MS', undefined, undefined, unoaText(input.reportingParty).slice(0, 35)),
    seg('TDT', '20', id(input.transportId, 17), undefined, undefined, id(input.carrier, 17)),
    seg('LOC', '125', input.departureAirport),
    seg('DTM', ['189', yymmddhhmm(input.departureLocal), '201']),
    seg('LOC', '87', input.arrivalAirport),
    ...(input.arrivalLocal ? [seg('DTM', ['232', yymmddhhmm(input.arrivalLocal), '201'])] : []),
  ];
  for (const p of input.passengers) {
    message.push(
      seg('NAD', 'FL', undefined, undefined, [
        unoaText(p.surname).slice(0, 35),
        unoaText(p.givenNames).slice(0, 35),
      ]),
      seg('ATT', '2', undefined, p.sex === 'X' ? 'U' : p.sex),
      ...(p.birthDate ? [seg('DTM', ['329', yymmdd(p.birthDate)])] : []),
      seg('LOC', '178', p.embarkation),
      seg('LOC', '179', p.debarkation),
      seg('NAT', '2', p.nationality),
    );
    if (p.document) {
      message.push(seg('DOC', [p.document.code, '110', '111'], id(p.document.number, 35)));
      if (p.document.expiry) message.push(seg('DTM', ['36', yymmdd(p.document.expiry)]));
      message.push(seg('LOC', '91', p.document.issuer));
    }
  }
  message.push(seg('CNT', ['42', String(input.passengers.length)]));
  message.push(seg('UNT', String(message.length + 1), '1'));
  const sender = id(input.sender, 35);
  const recipient = id(input.recipient, 35);
  return (
    [
      unaSegment(defaultSyntax),
      seg('UNB', ['UNOA', '4'], sender, recipient, prepared, ref, undefined, 'PAXLST'),
      seg('UNG', 'PAXLST', sender, recipient, prepared, ref, 'UN', [
        paxlstVersion.directory,
        paxlstVersion.release,
      ]),
      ...message,
      seg('UNE', '1', ref),
      seg('UNZ', '1', ref),
    ].join('\n') + '\n'
  );
}
