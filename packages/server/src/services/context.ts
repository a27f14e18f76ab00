/**
 * What every service receives: the database, configuration and the clock.
 */
import type { Config } from '../config';
import type { Database } from '../db/client';

export interface ServiceDeps {
  readonly database: Database;
  readonly config: Config;
  /** The clock, injected so that tests can move time. */
  readonly clock: () => Date;
}
