/** Fixtures for the job commands that write: cancelling a queued job. */
import { seeder, type FixtureGroup } from './fixture.js';

/** The job each call cancels: queued by `prepare`, never sent to a queue (nothing runs it). */
const queued = { id: '' };

/** The job commands' fixtures. */
export const jobFixtures: FixtureGroup = {
  fixtures: {
    'job.cancel': {
      async prepare(store) {
        queued.id = (await store.jobs.create({ kind: 'allocate', params: {} }, seeder)).id;
      },
      cli: () => ['job', 'cancel', queued.id],
      api: () => ({ method: 'POST', url: `/api/jobs/${queued.id}/cancel`, payload: {} }),
    },
  },
};
