import { buildAllocationInstance, compile, loadHighs } from '@corridor/optimizer';
import { Subgradient } from '../packages/optimizer/dist/lagrangian.js';
import { columnLp } from '../packages/optimizer/dist/lp-columns.js';
import { kabulAllocation } from './lib/kabul-allocation.js';
const highs = await loadHighs();
const model = compile(buildAllocationInstance(kabulAllocation(7)));
const fixed = new Int32Array(model.n).fill(-3);
const steps = Number(process.env.S ?? 20);
const sub = new Subgradient(model, null);
let t = performance.now();
for (let i = 0; i < steps; i++) sub.step(12_400_000, fixed);
console.log('sub', steps, Math.round(performance.now() - t), sub.bound);
for (const [K, k] of (process.env.KK ?? '2000,2;4000,3').split(';').map((x) => x.split(',').map(Number))) {
  t = performance.now();
  const lp = columnLp(highs, model, fixed, sub.bestPrices, performance.now() + 60000, K, k);
  console.log('col', K, k, Math.round(performance.now() - t), lp.rounds, lp.items, lp.columns, lp.converged, lp.bound);
}
