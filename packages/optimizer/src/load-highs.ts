/** Loads the HiGHS WebAssembly runtime once per process (its types describe a CommonJS default). */
import type { Highs } from 'highs';
import * as highsModule from 'highs';

let runtime: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded on first use and shared afterwards. */
export function loadHighs(): Promise<Highs> {
  const loader = (highsModule as unknown as { default: () => Promise<Highs> }).default;
  runtime ??= loader();
  return runtime;
}
