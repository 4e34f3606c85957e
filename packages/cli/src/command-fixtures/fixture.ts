/** What the role-matrix test needs to run one write command from the CLI and over HTTP. */
import type { Store } from '@corridor/storage';

/** The actor that seeds what fixtures rely on. */
export const seeder = { name: 'test-seed', role: 'admin' };

/**
 * How to run one write command with fresh valid input: `k` is unique per call (ids that must not
 * repeat), `prepare` makes what that one call consumes (an asset to abandon, say).
 */
export interface WriteFixture {
  /** The command replaces the whole operation (the demo): it runs after every other. */
  last?: boolean;
  prepare?(store: Store, k: string): Promise<void>;
  cli(k: string): string[];
  api(k: string): {
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: string;
    /** The JSON body; none for a GET (file downloads audited as exports). */
    payload?: Record<string, unknown>;
  };
}

/** One capability's fixtures and what they need once in the database (on the demo operation). */
export interface FixtureGroup {
  setup?(store: Store): Promise<void>;
  fixtures: Record<string, WriteFixture>;
}
