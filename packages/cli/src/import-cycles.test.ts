/**
 * No import circles: between the workspace's source files (every import, export and dynamic
 * import, types included) and between its packages (their declared dependencies).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const packages = readdirSync(join(root, 'packages')).filter((p) =>
  existsSync(join(root, 'packages', p, 'src')),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The workspace file a relative specifier names (`./x.js` is `./x.ts`), if any. */
function target(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f));
}

/** The circles of a graph: its strongly connected components of more than one node (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function fileGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const p of packages)
    for (const file of sources(join(root, 'packages', p, 'src'))) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      graph.set(
        relative(root, file),
        info.importedFiles
          .filter((i) => i.fileName.startsWith('.'))
          .flatMap((i) => target(file, i.fileName) ?? [])
          .map((f) => relative(root, f)),
      );
    }
  return graph;
}

function packageGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const p of packages) {
    const json = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const deps = { ...json.dependencies, ...json.devDependencies };
    graph.set(
      json.name,
      Object.keys(deps).filter((d) => d.startsWith('@corridor/')),
    );
  }
  return graph;
}

describe('import circles', () => {
  it('finds a circle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('reads every source file of every package', () => {
    const graph = fileGraph();
    expect(graph.size).toBeGreaterThan(300);
    // Both sides of an import are seen: this very file imports nothing relative, storage's index does.
    expect(graph.get('packages/storage/src/index.ts')).toContain('packages/storage/src/store.ts');
  });

  it('has no circle between source files of packages/*/src', () => {
    expect(circles(fileGraph())).toEqual([]);
  });

  it('has no circle between the workspace packages', () => {
    expect(circles(packageGraph())).toEqual([]);
  });
});
