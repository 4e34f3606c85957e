import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CommandSpec } from '../define.js';
import { freshOperation } from '../test-commands.js';
import { addMovement } from './add.js';
import { listMovements } from './list.js';
import { updateMovement } from './update.js';

const demo = generateDemo({ people: 40, seed: 3 });
const seeder = { name: 'test-seed', role: 'admin' };
const now = new Date('2026-12-07T10:00:00Z');
const departAt = '2031-06-30T05:00:00+03:00';

describe.each(backends)('movements as carriers see them on $name', (backend) => {
  const t = freshOperation(backend, demo, now);
  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    input: unknown,
  ) => t.run(command, 'admin', input);

  it('adds a flight with carrier, flight number and arrival, kept with the arrival offset', async () => {
    const added = await run(addMovement, {
      id: 'M-XY',
      departAt,
      seats: 180,
      carrier: 'XY',
      flightNumber: '1234',
      arriveAt: '2031-06-30T08:40:00+05:30',
    });
    expect(added).toMatchObject({
      carrier: 'XY',
      flightNumber: '1234',
      arriveAt: '2031-06-30T08:40:00+05:30',
    });
    const { movements } = await run(listMovements, {});
    expect(movements.find((m) => m.id === 'M-XY')).toMatchObject({
      carrier: 'XY',
      flightNumber: '1234',
      arriveAt: '2031-06-30T08:40:00+05:30',
      departAt,
    });
  });

  it('leaves the new fields null when not given, and takes a convoy operator reference', async () => {
    const plain = await run(addMovement, { id: 'M-PLAIN', departAt, seats: 10 });
    expect(plain).toMatchObject({ carrier: null, flightNumber: null, arriveAt: null });
    const convoy = await run(addMovement, {
      id: 'C-1',
      kind: 'convoy',
      departAt,
      seats: 50,
      carrier: 'IOM-ROAD',
      flightNumber: 'CV-0042',
      arriveAt: '2031-07-01T18:00:00Z',
    });
    expect(convoy).toMatchObject({ carrier: 'IOM-ROAD', flightNumber: 'CV-0042' });
  });

  it.each([
    [{ arriveAt: '2031-06-30T04:59:00+03:00' }, /arriveAt .* must be after departAt/],
    [{ arriveAt: departAt }, /arriveAt .* must be after departAt/],
    [{ arriveAt: '2031-06-30 08:40' }, /arriveAt/],
    [{ carrier: 'XYZ' }, /carrier "XYZ" must be an IATA airline designator/],
    [{ carrier: '12' }, /carrier "12" must be an IATA airline designator/],
    [{ carrier: 'xy' }, /carrier/],
    [{ carrier: 'XY', flightNumber: '12345' }, /flightNumber "12345" must be 1 to 4 digits/],
    [{ flightNumber: '1234' }, /flightNumber needs a carrier/],
  ])('refuses %j on add, naming the field, and writes nothing', async (bad, message) => {
    const before = await t.auditCount();
    await expect(run(addMovement, { id: 'M-BAD', departAt, seats: 10, ...bad })).rejects.toThrow(
      message,
    );
    expect(await t.store.movements.get('M-BAD')).toBeUndefined();
    expect(await t.auditCount()).toBe(before);
  });

  it('updates carrier, flight and arrival; refuses an arrival before departure, nothing written', async () => {
    await run(addMovement, { id: 'M-U', departAt, seats: 10 });
    const set = await run(updateMovement, {
      id: 'M-U',
      carrier: 'XY',
      flightNumber: '77A',
      arriveAt: '2031-06-30T09:10:00+02:00',
    });
    expect(set).toMatchObject({
      carrier: 'XY',
      flightNumber: '77A',
      arriveAt: '2031-06-30T09:10:00+02:00',
      version: 2,
    });
    const before = await t.auditCount();
    await expect(
      run(updateMovement, { id: 'M-U', arriveAt: '2031-06-29T23:00:00Z' }),
    ).rejects.toThrow(/movement M-U not changed: arriveAt .* must be after departAt/);
    await expect(run(updateMovement, { id: 'M-U', carrier: 'XYZ' })).rejects.toThrow(/carrier/);
    expect(await t.auditCount()).toBe(before);
    expect(await t.store.movements.get('M-U')).toMatchObject({
      version: 2,
      carrier: 'XY',
      arriveAt: '2031-06-30T09:10:00+02:00',
    });
    const cleared = await run(updateMovement, { id: 'M-U', flightNumber: null, arriveAt: null });
    expect(cleared).toMatchObject({ carrier: 'XY', flightNumber: null, arriveAt: null });
  });

  it('tells movement.changed subscribers which carrier fields changed', async () => {
    const secret = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
    await t.store.webhooks.add(
      { url: 'http://127.0.0.1:9/hook', secret, id: 'wh-m', events: ['movement.changed'] },
      seeder,
    );
    await run(addMovement, { id: 'M-W', departAt, seats: 10 });
    await run(updateMovement, { id: 'M-W', carrier: 'XY', flightNumber: '1234' });
    await run(updateMovement, { id: 'M-W', carrier: 'XY' });
    const deliveries = await t.store.webhooks.deliveries({ webhookId: 'wh-m' });
    expect(deliveries.map((d) => d.eventType)).toEqual(['movement.changed']);
    const { payload } = await t.store.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('id', '=', deliveries[0]!.id)
      .executeTakeFirstOrThrow();
    const body = JSON.parse(String(payload)) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({
      carrier: 'XY',
      flightNumber: '1234',
      arriveAt: null,
      changed: ['carrier', 'flightNumber'],
    });
  });

  it('tells each of two concurrent status changes the status the other left, not a stale one', async () => {
    const secret = `whsec_${Buffer.alloc(32, 6).toString('base64')}`;
    await t.store.webhooks.add(
      {
        url: 'http://127.0.0.1:9/hook',
        secret,
        id: 'wh-c',
        events: ['movement.confirmed', 'movement.cancelled'],
      },
      seeder,
    );
    await run(addMovement, { id: 'M-C', departAt, seats: 10 });
    // Neither gives expectVersion: both go through, one after the other under the row lock.
    await Promise.all([
      run(updateMovement, { id: 'M-C', status: 'confirmed' }),
      run(updateMovement, { id: 'M-C', status: 'cancelled' }),
    ]);
    const deliveries = await t.store.webhooks.deliveries({ webhookId: 'wh-c' });
    const data = await Promise.all(
      deliveries.map(async (d) => {
        const { payload } = await t.store.db
          .selectFrom('webhook_deliveries')
          .select('payload')
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow();
        return (
          JSON.parse(String(payload)) as {
            data: { status: string; previousStatus: string; version: number };
          }
        ).data;
      }),
    );
    const [first, second] = data.sort((a, b) => a.version - b.version);
    expect(first!.previousStatus).toBe('planned');
    expect(second!.previousStatus).toBe(first!.status);
    expect(second!.version).toBe(first!.version + 1);
  });
});
