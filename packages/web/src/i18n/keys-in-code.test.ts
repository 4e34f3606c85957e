import { describe, expect, it } from 'vitest';
import { keysInCode } from './keys-in-code.js';

const known = new Set(['page.registry', 'caseStatus', 'ui.loading', 'app.skip']);

describe('the message ids in code', () => {
  it('are the known ids written as string literals, in any quotes, source or transformed', () => {
    const code = [
      `t('page.registry')`,
      `jsx(T, { id: "caseStatus", values: codeOf(s) })`,
      'const x = `ui.loading`;',
    ].join('\n');
    expect([...keysInCode(code, known)].sort()).toEqual([
      'caseStatus',
      'page.registry',
      'ui.loading',
    ]);
  });

  it('leaves out ids inside longer strings, unknown ids and words that are not literals', () => {
    const code = `t('page.registry.more'); t('app.skipped'); const caseStatus = 1; t('unknown.id');`;
    expect([...keysInCode(code, known)]).toEqual([]);
  });
});
