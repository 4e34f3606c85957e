/** What a command runs with: who acts and through which interface, the store, and the clock. */
import type { Locale, Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import type { PlanningControl } from './planning/control.js';

/** The interface a command was reached through; recorded with the actor. */
export type Via = 'cli' | 'api' | 'job';

/** Who acts: a name for history and audit, the role the policies check, and the interface. */
export interface CommandActor {
  name: string;
  role: Role;
  via: Via;
}

/** A command's context: the store is already inside the command's transaction for writes. */
export interface CommandContext {
  actor: CommandActor;
  store: Store;
  /** The time of the request, from the interface's clock. */
  now: Date;
  /** The origins this server answers on (`http://host:port`), so a command can refuse itself as a target. */
  origins?: readonly string[];
  /** A long command's progress reports and cancel signal (the CLI's bar, a job's record). */
  control?: PlanningControl;
  /**
   * The job runner of the server the command runs in (absent in the CLI): a command that recorded
   * a job in its transaction wakes the runner once it has committed.
   */
  jobs?: { wake(jobId: string): Promise<void> };
  /** The language of whoever asked (Accept-Language, --lang or LANG): a printed file's labels. */
  locale?: Locale;
}
