import { describe, expect, it } from 'vitest';
import { readSegments, writeSegment } from './edifact.js';
import { buildPaxlst, type PaxlstInput } from './paxlst.js';
import { validatePaxlst } from './paxlst-validate.js';

const input: PaxlstInput = {
  sender: 'CORRIDOR',
  recipient: 'TIAAPI',
  reference: 'REF0001',
  preparedAt: new Date('2031-06-29T20:15:00Z'),
  reportingParty: 'Camp Meridian relocation',
  transportId: 'M-042',
  carrier: 'XC',
  departureAirport: 'BGW',
  departureLocal: '2031-06-30T05:00',
  arrivalAirport: 'TIA',
  arrivalLocal: '2031-06-30T08:40',
  passengers: [
    {
      surname: "O'Neil",
      givenNames: 'Zoë Anne',
      sex: 'F',
      birthDate: '1990-12-31',
      nationality: 'IRQ',
      embarkation: 'BGW',
      debarkation: 'TIA',
      document: { code: 'P', number: 'A1234567', expiry: '2033-01-31', issuer: 'IRQ' },
    },
    {
      surname: 'Haddad+Sons',
      givenNames: 'Omar',
      sex: 'X',
      birthDate: null,
      nationality: 'XXA',
      embarkation: 'BGW',
      debarkation: 'TIA',
      document: null,
    },
  ],
};

describe('UN/EDIFACT PAXLST', () => {
  it('escapes service characters and reads them back', () => {
    const seg = writeSegment('NAD', ['FL', '', '', ["O'NEIL", 'A+B:C?']]);
    expect(seg).toBe("NAD+FL+++O?'NEIL:A?+B?:C??'");
    const { segments, problems } = readSegments(seg);
    expect(problems).toEqual([]);
    expect(segments[0]!.elements[3]).toEqual(["O'NEIL", 'A+B:C?']);
  });

  it('writes a message the structural check accepts', () => {
    const text = buildPaxlst(input);
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 11)).toEqual([
      "UNA:+.? '",
      "UNB+UNOA:4+CORRIDOR+TIAAPI+310629:2015+REF0001++PAXLST'",
      "UNG+PAXLST+CORRIDOR+TIAAPI+310629:2015+REF0001+UN+D:05B'",
      "UNH+1+PAXLST:D:05B:UN:IATA+M-042/310630+01:F'",
      "BGM+745'",
      "NAD+MS+++CAMP MERIDIAN RELOCATION'",
      "TDT+20+M-042+++XC'",
      "LOC+125+BGW'",
      "DTM+189:3106300500:201'",
      "LOC+87+TIA'",
      "DTM+232:3106300840:201'",
    ]);
    expect(lines).toContain("NAD+FL+++O?'NEIL:ZOE ANNE'");
    expect(lines).toContain("NAD+FL+++HADDAD?+SONS:OMAR'");
    expect(lines).toContain("ATT+2++U'");
    expect(lines).toContain("DOC+P:110:111+A1234567'");
    expect(lines).toContain("DTM+36:330131'");
    expect(lines.slice(-4)).toEqual(["CNT+42:2'", "UNT+24+1'", "UNE+1+REF0001'", "UNZ+1+REF0001'"]);
    expect(validatePaxlst(text)).toEqual({
      ok: true,
      problems: [],
      segments: lines.length,
      messages: 1,
      passengers: 2,
      version: 'D:05B',
    });
  });

  it('finds wrong counts, order, characters and escapes', () => {
    const text = buildPaxlst(input);
    const reasons = (t: string) => validatePaxlst(t).problems.map((p) => `${p.tag}: ${p.reason}`);
    expect(reasons(text.replace("UNT+24+1'", "UNT+23+1'"))).toEqual([
      'UNT: UNT counts 23 segments; the message has 24',
    ]);
    expect(reasons(text.replace("CNT+42:2'", "CNT+42:3'"))).toEqual([
      'CNT: CNT+42 says 3, but the message lists 2 persons',
    ]);
    expect(reasons(text.replace("UNZ+1+REF0001'", "UNZ+1+OTHER'"))).toEqual([
      'UNZ: UNZ must count 1 message or group and repeat the UNB reference',
    ]);
    expect(reasons(text.replace("DTM+329:901231'", "DTM+329:900231'"))).toEqual([
      'DTM: DTM 329 must be a real date YYMMDD',
    ]);
    expect(reasons(text.replace('ZOE ANNE', 'Zoë Anne'))).toEqual([
      'NAD: holds characters outside the UNOA character set',
    ]);
    expect(reasons(text.replace("O?'NEIL", "O'NEIL")).length).toBeGreaterThan(0);
    const noBgm = text.replace("BGM+745'\n", '');
    expect(reasons(noBgm)[0]).toBe('NAD: expected BGM (beginning of message), found NAD');
    expect(reasons(text.trimEnd().slice(0, -1))).toContain(
      ': the last segment (UNZ+1+REF0001…) has no segment terminator',
    );
  });
});
