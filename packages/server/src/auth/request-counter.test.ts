import { describe, expect, it } from 'vitest';
import { MemoryCounter } from './request-counter.js';

describe('request counting in memory (embedded server)', () => {
  it('counts in fixed windows per kind and subject, and starts again when one ends', async () => {
    const c = new MemoryCounter();
    const t0 = Date.parse('2031-03-01T08:00:00Z');
    const at = (ms: number) => new Date(t0 + ms);
    expect(await c.hit('api-ip', 'a', 60_000, at(0))).toEqual({ count: 1, resetAt: at(60_000) });
    expect((await c.hit('api-ip', 'a', 60_000, at(59_000))).count).toBe(2);
    expect((await c.hit('api-ip', 'b', 60_000, at(59_000))).count).toBe(1);
    expect((await c.hit('api-token', 'a', 60_000, at(59_000))).count).toBe(1);
    expect(await c.hit('api-ip', 'a', 60_000, at(60_000))).toEqual({
      count: 1,
      resetAt: at(120_000),
    });
  });

  it('forgets windows that ended, so memory follows the active subjects only', async () => {
    const c = new MemoryCounter();
    const t0 = Date.parse('2031-03-01T08:00:00Z');
    for (let i = 0; i < 1000; i++)
      await c.hit('api-ip', `10.0.${i >> 8}.${i & 255}`, 60_000, new Date(t0));
    expect(c.size).toBe(1000);
    await c.hit('api-ip', 'late', 60_000, new Date(t0 + 61_000));
    expect(c.size).toBe(1);
  });
});
