/**
 * `checkin.document`: the desk checks the travel document a passenger shows: its machine-readable
 * zone (typed, or from a document reader) against its check digits, the documents registered for
 * the person, their name and date of birth, and the day of travel. The answer says only what
 * matches and what does not: registered values are never sent back.
 */
import { errors, IdSchema, mrzDateToIso, mrzName, parseTd3 } from '@corridor/core';
import { appendAudit } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** One MRZ line as a reader or a hand types it: upper-cased, spaces dropped. */
const MrzLine = z
  .string()
  .max(60)
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''));

const Problem = z.object({ field: z.string(), reason: z.string() });

/** Refuses a document the person cannot board with, and says which field is wrong. */
export const checkinDocument = defineCommand({
  name: 'checkin.document',
  summary:
    'Check the travel document a passenger shows (MRZ check digits, registered document, name, birth date, expiry)',
  input: z.object({
    movementId: IdSchema,
    personId: IdSchema,
    mrz: z.tuple([MrzLine, MrzLine]).describe('the two 44-character lines of a passport (TD3)'),
  }),
  output: z.object({
    movementId: z.string(),
    personId: z.string(),
    valid: z.boolean(),
    checks: z.object({
      checkDigits: z.boolean(),
      registered: z.boolean(),
      name: z
        .boolean()
        .nullable()
        .describe('null: the name is registered in another script, not compared'),
      birthDate: z.boolean(),
      validForTravel: z.boolean(),
    }),
    problems: z.array(Problem),
  }),
  permission: 'movement.checkin',
  audit: 'checkin.document',
  async run({ store, actor }, { movementId, personId, mrz }) {
    const movement = await store.movements.get(movementId);
    if (!movement) throw errors.notFound('movement', movementId);
    const person = (await store.checkin.persons([personId])).get(personId);
    if (!person) throw errors.notFound('person', personId);
    if (!(await store.checkin.bookedHouseholds(movementId)).includes(person.householdId))
      throw errors.notOnMovement(personId, movementId);
    const parsed = parseTd3(mrz[0], mrz[1]);
    const problems = [...parsed.problems];
    const f = parsed.fields;
    const snapshot = await store.registry.snapshot([person.householdId]);
    const pii = snapshot.persons.find((p) => p.id === personId)?.pii ?? null;
    const documents = snapshot.documents.filter((d) => d.personId === personId);
    const registered = documents.some(
      (d) => d.number !== null && d.number.toUpperCase() === f.number,
    );
    if (!registered)
      problems.push({
        field: 'document number',
        reason: `is not a document registered for ${personId}`,
      });
    // Names as the MRZ writes them (upper case, no accents, fillers as spaces).
    const mrzWords = (s: string) => mrzName(s).replace(/</g, ' ').trim();
    // A long name is cut at the end of line 1: then the given names need only begin alike.
    const cut = mrz[0].length === 44 && !mrz[0].endsWith('<');
    const given = pii === null ? '' : mrzWords(pii.givenName);
    const family = pii === null ? '' : mrzWords(pii.familyName);
    // A name registered only in another script (Arabic letters) has nothing an MRZ's Latin
    // transliteration can be compared with: not compared (null), never refused for that alone.
    const comparable = pii === null || /[A-Z]/.test(family + given);
    const name = !comparable
      ? null
      : pii !== null &&
        family === f.surname &&
        (given === f.givenNames || (cut && f.givenNames !== '' && given.startsWith(f.givenNames)));
    if (name === false)
      problems.push({
        field: 'name',
        reason: `does not match the name registered for ${personId}`,
      });
    const departDay = movement.departAt.slice(0, 10);
    const birth = /^\d{6}$/.test(f.birthDate)
      ? mrzDateToIso(f.birthDate, Number(departDay.slice(0, 4)))
      : '';
    const birthDate = pii !== null && pii.birthDate === birth;
    if (!birthDate)
      problems.push({
        field: 'date of birth',
        reason: `does not match the date of birth registered for ${personId}`,
      });
    const arrivalDay = (movement.arriveAt ?? movement.departAt).slice(0, 10);
    const expiry = /^\d{6}$/.test(f.expiryDate) ? mrzDateToIso(f.expiryDate, 2099) : '';
    const validForTravel = expiry !== '' && expiry >= arrivalDay;
    if (!validForTravel)
      problems.push({
        field: 'date of expiry',
        reason: expiry ? `${expiry} is before the arrival on ${arrivalDay}` : 'cannot be read',
      });
    const checks = {
      checkDigits: parsed.problems.length === 0,
      registered,
      name,
      birthDate,
      validForTravel,
    };
    // Every check passed, or (the name only) could not be made.
    const valid = Object.values(checks).every((c) => c !== false);
    // The record of the check keeps the verdict and the fields at fault, never the zone itself.
    await appendAudit(store.db, actor, {
      action: 'checkin.document',
      entity: 'person',
      entityId: personId,
      detail: { movementId, valid, fields: problems.map((p) => p.field) },
    });
    return { movementId, personId, valid, checks, problems };
  },
});
