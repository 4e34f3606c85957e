// A Vite step: the message catalogues (src/i18n/messages/<locale>.json) split by chunk. The shell
// (src/main.tsx and what it imports) gets the messages its own modules use; each lazily loaded
// part (a page, the offline desk) gets, per language, the messages its modules use beyond the
// shell's, as a small chunk it loads beside its own code (src/i18n/messages.ts). Each message is
// parsed from ICU text to FormatJS's AST here, so the browser needs no ICU parser.
//
//   import english from 'virtual:catalogue-part/en/main.tsx';  // the shell's English messages
//   import registry from 'virtual:catalogue/pages/Registry.tsx'; // { en: () => import(…), ar: … }
//
// Which modules a part holds comes from the bundler's own module graph (`this.load`); which ids a
// module uses, from the string literals of its code (src/i18n/keys-in-code.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin, Rolldown } from 'vite';
import { keysInCode } from './src/i18n/keys-in-code.js';

const loadersPrefix = 'virtual:catalogue/';
const partPrefix = 'virtual:catalogue-part/';
const hidden = '\0';
/** A static `import … from '…'`, `export … from '…'` or `import '…'` (not `import('…')`). */
const staticImport = /(?:^|[\s;])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g;
/** The shell's root: its messages are in the shell, and no part repeats them. */
const shellRoot = 'main.tsx';

/** Serves each part's catalogue loaders and, per language, its parsed messages. */
export function splitMessages(): Plugin {
  let src = '';
  let catalogues = '';
  let whole = false;
  let locales: string[] = [];
  let known = new Set<string>();
  /** The modules of a root's static graph (their ids) and the message ids each one's code uses. */
  const graphs = new Map<string, Promise<Map<string, Set<string>>>>();

  async function graphOf(ctx: Rolldown.PluginContext, root: string) {
    const modules = new Map<string, Set<string>>();
    const queue = [join(src, root)];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (modules.has(id) || !id.startsWith(src) || !/\.tsx?$/.test(id)) continue;
      // The code as transformed (type-only imports gone); its static imports resolved here, as the
      // module's own `importedIds` may not be filled in yet while the graph is still being built.
      const code = (await ctx.load({ id })).code ?? '';
      modules.set(id, keysInCode(code, known));
      for (const [, specifier] of code.matchAll(staticImport)) {
        const resolved = await ctx.resolve(specifier!, id);
        if (resolved) queue.push(resolved.id);
      }
    }
    return modules;
  }
  function graph(ctx: Rolldown.PluginContext, root: string) {
    if (!graphs.has(root)) graphs.set(root, graphOf(ctx, root));
    return graphs.get(root)!;
  }

  /** The message ids a part carries: its modules' own, less the shell's. */
  async function keysOf(ctx: Rolldown.PluginContext, root: string): Promise<string[]> {
    if (whole) return [...known];
    const modules = await graph(ctx, root);
    const shell = root === shellRoot ? new Map<string, Set<string>>() : await graph(ctx, shellRoot);
    const keys = new Set<string>();
    for (const [id, used] of modules) if (!shell.has(id)) for (const key of used) keys.add(key);
    return [...keys].sort();
  }

  return {
    name: 'corridor-split-messages',
    enforce: 'pre',
    configResolved(config) {
      src = join(config.root, 'src') + '/';
      catalogues = join(src, 'i18n', 'messages');
      locales = readdirSync(catalogues)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
      known = new Set(
        Object.keys(JSON.parse(readFileSync(join(catalogues, 'en.json'), 'utf8')) as object),
      );
      // The dev server serves modules one by one, without a graph to split by: every part then
      // carries every message.
      whole = config.command === 'serve';
    },
    resolveId(source) {
      if (source.startsWith(loadersPrefix) || source.startsWith(partPrefix))
        return `${hidden}${source}`;
      return null;
    },
    async load(id) {
      if (!id.startsWith(hidden)) return null;
      const source = id.slice(hidden.length);
      if (source.startsWith(loadersPrefix)) {
        const root = source.slice(loadersPrefix.length);
        // The shell's English messages are in the shell itself: no chunk to wait for.
        const loaders = locales.map((locale) =>
          root === shellRoot && locale === 'en'
            ? `  en: () => Promise.resolve({ default: english }),`
            : `  ${JSON.stringify(locale)}: () => import('${partPrefix}${locale}/${root}'),`,
        );
        const imports =
          root === shellRoot ? `import english from '${partPrefix}en/${root}';\n` : '';
        return `${imports}export default {\n${loaders.join('\n')}\n};`;
      }
      if (!source.startsWith(partPrefix)) return null;
      const [locale, ...rest] = source.slice(partPrefix.length).split('/');
      const file = join(catalogues, `${locale}.json`);
      this.addWatchFile(file);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const keys = await keysOf(this, rest.join('/'));
      const parsed = Object.fromEntries(keys.map((key) => [key, parse(messages[key]!)]));
      return `export default ${JSON.stringify(parsed)};`;
    },
    generateBundle() {
      // Every module that uses messages must be in the shell or in a part that loads them.
      if (whole) return;
      const covered = new Set<string>();
      return Promise.all([...graphs.values()]).then((all) => {
        for (const modules of all) for (const id of modules.keys()) covered.add(id);
        for (const id of this.getModuleIds()) {
          if (!id.startsWith(src) || covered.has(id)) continue;
          const used = keysInCode(this.getModuleInfo(id)?.code ?? '', known);
          if (used.size > 0)
            this.error(
              `${id} uses messages (${[...used].slice(0, 3).join(', ')}…) but is in no part with ` +
                `a catalogue: load it through withMessages (src/i18n/messages.ts)`,
            );
        }
      });
    },
  };
}
