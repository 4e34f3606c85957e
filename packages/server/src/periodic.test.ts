import { describe, expect, it } from 'vitest';
import { startPeriodic } from './periodic.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('work on a timer', () => {
  it('never overlaps passes, logs a failed one and goes on, and stop waits for the pass under way', async () => {
    const lines: string[] = [];
    let active = 0;
    let most = 0;
    let passes = 0;
    let finished = 0;
    const timer = startPeriodic(
      async () => {
        passes++;
        active++;
        most = Math.max(most, active);
        await sleep(30);
        active--;
        finished++;
        if (passes === 1) throw new Error('the first pass fails');
      },
      { everyMs: 5, now: true, log: (line) => lines.push(line), failure: { work: 'pass failed' } },
    );
    await sleep(150);
    await timer.stop();
    const after = passes;
    expect(most).toBe(1);
    expect(passes).toBeGreaterThan(1);
    expect(finished).toBe(passes);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', work: 'pass failed' });
    await sleep(40);
    expect(passes).toBe(after);
  });

  it('starts nothing for a period of 0', async () => {
    let passes = 0;
    const timer = startPeriodic(async () => void passes++, {
      everyMs: 0,
      now: true,
      log: null,
      failure: { work: 'x' },
    });
    await sleep(20);
    await timer.stop();
    expect(passes).toBe(0);
  });
});
