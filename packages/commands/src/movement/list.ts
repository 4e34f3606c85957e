/** `movement.list`: flights and convoys by departure, and ground-transfer capacity. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { MovementListOut } from './schemas.js';

/** Every movement by departure, with ground-transfer capacity per day. */
export const listMovements = defineCommand({
  name: 'movement.list',
  summary: 'Movements by departure, and ground-transfer capacity per day',
  input: z.object({}),
  output: MovementListOut,
  permission: 'movement.read',
  audit: null,
  run: async ({ store }) => ({
    movements: await store.movements.list(),
    groundCapacity: await store.movements.groundCapacity(),
  }),
});
