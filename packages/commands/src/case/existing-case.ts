/** The check a command makes of a case id it is given: in the registry, and not merged away. */
import { errors } from '@corridor/core';
import type { HouseholdView } from '@corridor/storage';
import type { CommandContext } from '../context.js';

/**
 * The case, or 400 naming the field when it is not in the registry or was merged into another.
 */
export async function existingCase(
  ctx: CommandContext,
  command: string,
  field: string,
  id: string,
): Promise<HouseholdView> {
  const household = await ctx.store.registry.household(id);
  if (household && !household.mergedInto) return household;
  const message = household
    ? `case ${id} was merged into ${household.mergedInto}`
    : `no case ${id}`;
  throw errors.invalidInput(`invalid input for ${command} at ${field}: ${message}`, {
    issues: [{ path: field, message }],
  });
}
