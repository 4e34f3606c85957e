import { describe, expect, it } from 'vitest';
import type { Instance } from './instance.js';
import { compile, pairOf } from './model.js';

describe('compile', () => {
  const instance: Instance = {
    resources: [
      { name: 'r0', capacity: 10 },
      { name: 'r1', capacity: 10 },
      { name: 'r2', capacity: 10 },
    ],
    bins: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    items: [
      // Uses out of order, one resource twice, one amount zero.
      {
        name: 'i0',
        penalty: 1,
        pairs: [
          {
            bin: 0,
            weight: 2,
            use: [
              [2, 1],
              [0, 3],
              [2, 0.5],
              [1, 0],
            ],
          },
        ],
      },
      // Linked with item 2, which may not use bin 1.
      {
        name: 'i1',
        penalty: 2,
        pairs: [
          { bin: 0, weight: 1, use: [[0, 1]] },
          { bin: 1, weight: 5, use: [[1, 1]] },
          { bin: 2, weight: 3, use: [[2, 2]] },
        ],
      },
      {
        name: 'i2',
        penalty: 4,
        pairs: [
          { bin: 2, weight: 4, use: [[2, 1]] },
          { bin: 0, weight: 1, use: [[0, 2]] },
        ],
      },
    ],
    links: [[1, 2]],
  };

  it('sums uses per resource, sorts them, and leaves zeros out', () => {
    const model = compile(instance);
    const p = pairOf(model, 0, 0);
    const uses = [];
    for (let u = model.useStart[p]!; u < model.useStart[p + 1]!; u++)
      uses.push([model.useResource[u], model.useAmount[u]]);
    expect(uses).toEqual([
      [0, 3],
      [2, 1.5],
    ]);
  });

  it('contracts a linked group to the bins every member may use, with summed weights and uses', () => {
    const model = compile(instance);
    expect(model.n).toBe(2);
    expect(Array.from(model.itemOf)).toEqual([0, 1, 1]);
    expect(model.members).toEqual([[0], [1, 2]]);
    expect(model.penalty[1]).toBe(6);
    expect(pairOf(model, 1, 1)).toBe(-1);
    const pairs = [];
    for (let p = model.pairStart[1]!; p < model.pairStart[2]!; p++) {
      const uses = [];
      for (let u = model.useStart[p]!; u < model.useStart[p + 1]!; u++)
        uses.push([model.useResource[u], model.useAmount[u]]);
      pairs.push({ bin: model.pairBin[p], weight: model.pairWeight[p], uses });
    }
    expect(pairs).toEqual([
      { bin: 0, weight: 2, uses: [[0, 3]] },
      { bin: 2, weight: 7, uses: [[2, 3]] },
    ]);
    // The arrays are exactly as long as what they hold.
    expect(model.pairWeight.length).toBe(model.pairStart[model.n]);
    expect(model.useResource.length).toBe(model.useStart[model.pairWeight.length]);
  });
});
