/** Fixtures for the host-state procedure commands: a template, a step, an import. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultProcedureSteps } from '@corridor/core';
import type { FixtureGroup } from './fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'corridor-procedure-fixture-'));
/** A case and a state of the demo, found once. */
let caseId = '';
let state = '';
const steps = defaultProcedureSteps.map((s) => ({ ...s }));
const csv = () => `case,state,step,date,outcome,expires\n${caseId},${state},dossier,,pending,\n`;

/** The procedure commands' fixtures (each call writes a valid step or template again). */
export const procedureFixtures: FixtureGroup = {
  async setup(store) {
    const list = await store.registry.findCases({ limit: 1, offset: 0 });
    caseId = list.cases[0]?.id ?? '';
    state = (await store.registry.destinations())[0]?.id ?? '';
    if (!caseId || !state) throw new Error('the demo has no case or no destination');
  },
  fixtures: {
    'procedure.templateSet': {
      prepare: async (_store, k) => writeFileSync(join(folder, `${k}.json`), JSON.stringify(steps)),
      cli: (k) => ['procedure', 'template', state, '--set', join(folder, `${k}.json`)],
      api: () => ({
        method: 'POST',
        url: `/api/procedures/templates/${state}`,
        payload: { steps },
      }),
    },
    'procedure.record': {
      cli: () => [
        'procedure',
        'record',
        '--case',
        caseId,
        '--state',
        state,
        '--step',
        'dossier',
        '--outcome',
        'pending',
      ],
      api: () => ({
        method: 'POST',
        url: '/api/procedures/steps',
        payload: { caseId, state, step: 'dossier', outcome: 'pending' },
      }),
    },
    'procedure.import': {
      prepare: async (_store, k) => writeFileSync(join(folder, `${k}.csv`), csv()),
      cli: (k) => ['procedure', 'import', join(folder, `${k}.csv`)],
      api: () => ({
        method: 'POST',
        url: '/api/procedures/import',
        payload: { content: Buffer.from(csv()).toString('base64'), format: 'csv' },
      }),
    },
  },
};
