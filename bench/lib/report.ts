/** Shared by the benchmarks: machine facts and writing results to bench/results. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** Where the public data lives: ../shared/data beside the repository. */
export const dataDir = join(import.meta.dirname, '../../../shared/data');

/** The machine a benchmark ran on. */
export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** Writes bench/results/<name>.json. */
export function writeResults(name: string, body: Record<string, unknown>): string {
  const dir = join(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ machine: machine(), ...body }, null, 2) + '\n');
  return file;
}

/** Milliseconds since `t0`, rounded to 0.1. */
export function since(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}
