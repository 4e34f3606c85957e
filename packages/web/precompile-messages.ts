// A Vite step: the message catalogues (src/i18n/messages/*.json) are parsed from ICU text to
// FormatJS's message AST at build time, so the browser gets the formatter without the ICU parser
// (react-intl takes parsed messages; the parser is replaced by its no-parser entry).
import { readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const catalogue = /[\\/]src[\\/]i18n[\\/]messages[\\/][a-z]+\.json$/;
const prefix = '\0corridor-messages:';

/** Serves each catalogue as a module of parsed messages. */
export function precompileMessages(): Plugin {
  return {
    name: 'corridor-precompile-messages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.json') || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // Ends in .js, not .json: Vite's own JSON step leaves the module alone.
      return resolved && catalogue.test(resolved.id) ? `${prefix}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const file = id.slice(prefix.length, -'.js'.length);
      this.addWatchFile(file);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const parsed = Object.fromEntries(
        Object.entries(messages).map(([key, text]) => [key, parse(text)]),
      );
      return `export default ${JSON.stringify(parsed)};`;
    },
  };
}
