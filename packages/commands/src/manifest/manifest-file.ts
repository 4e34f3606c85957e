/** A movement's manifest: built from the store's timetable, registry and check-in, then written. */
import {
  buildManifest,
  errors,
  type Manifest,
  type ManifestCheckin,
  type PaxlstVerdict,
} from '@corridor/core';
import { renderManifest, type ManifestFormat, type ManifestOptions } from '@corridor/formats';
import type { Store } from '@corridor/storage';

/** Builds the manifest of a movement from the current timetable, the registry and check-in. */
export async function loadManifest(
  store: Store,
  movementId: string,
  options: ManifestOptions = {},
): Promise<Manifest> {
  const op = await store.registry.operation();
  if (!op) throw errors.noOperation();
  const movement = await store.movements.get(movementId);
  if (!movement) throw errors.notFound('movement', movementId);
  const rows = await store.checkin.list(movementId);
  const registry = await store.registry.snapshot([...new Set(rows.map((r) => r.householdId))]);
  const checkins = new Map<string, ManifestCheckin>();
  for (const r of rows)
    if (r.status !== 'booked')
      checkins.set(r.personId, { status: r.status, station: r.station ?? '', at: r.at ?? '' });
  return buildManifest({
    operation: { id: op.id, name: op.name, airportCode: op.airportCode },
    movement,
    registry,
    checkins,
    generatedAt: (options.now ?? new Date()).toISOString(),
    ...(options.minValidityDays !== undefined ? { minValidityDays: options.minValidityDays } : {}),
    ...(options.travelDays !== undefined ? { travelDays: options.travelDays } : {}),
  });
}

/** The manifest of a movement in one format, with the manifest itself for summaries. */
export async function manifestFile(
  store: Store,
  movementId: string,
  format: ManifestFormat,
  options: ManifestOptions = {},
): Promise<{ content: Buffer; manifest: Manifest; paxlst?: PaxlstVerdict }> {
  return renderManifest(await loadManifest(store, movementId, options), format, options);
}
