/** What makes a set of new flights and convoys acceptable (M5): checked before any is stored. */
import { MovementSchema } from './schemas.js';

/**
 * Everything wrong with movements to add, each naming the movement and field: the schema, ids
 * already used (in the list or stored), unknown destinations, and planned or confirmed
 * movements that would depart in the past.
 */
export function movementProblems(
  movements: readonly unknown[],
  destinations: ReadonlySet<string>,
  existing: ReadonlySet<string>,
  now: Date,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  movements.forEach((raw, i) => {
    const parsed = MovementSchema.safeParse(raw);
    const label = `movement ${(raw as { id?: unknown })?.id ?? `#${i + 1}`}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${label}: ${issue.path.join('.') || 'record'} ${issue.message}`);
      return;
    }
    const m = parsed.data;
    if (seen.has(m.id) || existing.has(m.id)) problems.push(`${label}: id is already used`);
    seen.add(m.id);
    if (m.destinationId && !destinations.has(m.destinationId))
      problems.push(`${label}: destinationId ${m.destinationId} is not a destination`);
    if (
      (m.status === 'planned' || m.status === 'confirmed') &&
      Date.parse(m.departAt) < now.getTime()
    ) {
      problems.push(`${label}: departAt ${m.departAt} is in the past for a ${m.status} movement`);
    }
  });
  return problems;
}
