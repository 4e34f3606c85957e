/** `destination.add`: a host state that has offered places (issue 22). */
import { CountrySchema, DestinationSchema, errors, IdSchema, LanguageSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { NegotiationOut, NegotiationReason } from './schemas.js';

/** A destination's rules, each field as it may be given (no defaults: an edit gives some). */
export const destinationRules = {
  country: CountrySchema.describe('ISO 3166-1 alpha-3'),
  name: z.string().trim().min(1).max(200),
  maxHouseholdSize: z.number().int().min(1).max(50),
  medicalPlaces: z.number().int().min(0),
  disabilityPlaces: z.number().int().min(0),
  languages: z.array(LanguageSchema),
  requiresTies: z.boolean(),
  leadTimeDays: z.number().int().min(0).max(3650),
  arrivalAirports: z.array(z.string().regex(/^[A-Z]{3}$/, 'an IATA airport code')),
  pauses: DestinationSchema.shape.pauses,
};

/** A new destination's rules, with the defaults of a state that has set none. */
const NewDestinationRules = z.object({
  ...destinationRules,
  maxHouseholdSize: destinationRules.maxHouseholdSize.default(20),
  medicalPlaces: destinationRules.medicalPlaces.default(0),
  disabilityPlaces: destinationRules.disabilityPlaces.default(0),
  languages: destinationRules.languages.default([]),
  requiresTies: destinationRules.requiresTies.default(false),
  leadTimeDays: destinationRules.leadTimeDays.default(0),
  arrivalAirports: destinationRules.arrivalAirports.default([]),
  pauses: destinationRules.pauses.default([]),
});

/** Adds a destination; one that exists is refused (change it with `destination.update`). */
export const addDestination = defineCommand({
  name: 'destination.add',
  summary: 'Add a destination (a host state and its rules); recorded in the pledge history',
  input: NewDestinationRules.extend({
    id: IdSchema.describe('the destination’s id, e.g. DE'),
    reason: NegotiationReason,
  }),
  output: NegotiationOut,
  permission: 'registry.negotiate',
  audit: 'destination.set',
  async run({ store, actor }, { reason, ...d }) {
    if ((await store.registry.destinations()).some((x) => x.id === d.id))
      throw errors.conflict(
        `destination ${d.id} exists already: change it with destination edit (PATCH /api/destinations/${d.id})`,
      );
    const change = await store.pledges.setDestination(d, reason, actor);
    return { changed: change !== null, change };
  },
});
