/**
 * What every service receives: the database, configuration and the clock.
 */
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { LogKeySource } from './log/log-key';

export interface ServiceDeps {
  readonly database: Database;
  readonly config: Config;
  /** The clock, injected so that tests can move time. */
  readonly clock: () => Date;
  /** ssj-log/1 §6: the tree-head signing key, when this process signs (server, not the CLI). */
  readonly logKey?: LogKeySource;
}
