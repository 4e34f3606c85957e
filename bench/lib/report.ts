/** Shared by the benchmarks: machine facts and writing results to bench/results. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
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

/** True when only the camp-scale cases should run (BENCH_SCALE=camp): the Kabul ones take minutes. */
export const campOnly = process.env.BENCH_SCALE === 'camp';

/** True when only the Kabul-scale cases should run (BENCH_SCALE=kabul), in a process of their own. */
export const kabulOnly = process.env.BENCH_SCALE === 'kabul';

/** The process's peak resident memory so far, in MiB (the kernel's maxrss). */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Resident memory and V8 heap in use now, in MiB. */
export function memoryNowMiB(): { rss: number; heapUsed: number; arrayBuffers: number } {
  const m = process.memoryUsage();
  const mib = (b: number) => Math.round(b / 2 ** 20);
  return { rss: mib(m.rss), heapUsed: mib(m.heapUsed), arrayBuffers: mib(m.arrayBuffers) };
}

/** The machine's load average over 1, 5 and 15 minutes (other sessions share its cores). */
export function loadAverage(): number[] {
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

/**
 * Writes bench/results/<name>.json. With BENCH_SCALE=camp or kabul the sections measured now
 * replace theirs in the existing file and the others are kept, each with the machine and date it
 * ran on.
 */
export function writeResults(name: string, body: Record<string, unknown>): string {
  const dir = join(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  // Each section carries its own machine and date: a partial run keeps the other sections, which
  // may come from another machine or Node.js.
  const stamp = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? { ...v, measured: machine().date, machine: machine() }
      : v;
  const stamped = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, stamp(v)]));
  const previous =
    (campOnly || kabulOnly) && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {};
  writeFileSync(
    file,
    JSON.stringify({ ...previous, machine: machine(), ...stamped }, null, 2) + '\n',
  );
  return file;
}

/** Milliseconds since `t0`, rounded to 0.1. */
export function since(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}
