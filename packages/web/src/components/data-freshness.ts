/**
 * The portal's line on how fresh its data is (issue 17 §1): the primary is live; a read replica
 * is as old as its replication lag.
 */
import type { MessageKey } from '../i18n/types';

export interface FreshnessView {
  readonly source: 'primary' | 'replica';
  readonly lagSeconds: number;
}

/** The message and its `{n}` (whole seconds behind) for a freshness report. */
export function freshnessMessage(f: FreshnessView): { key: MessageKey; n: number } {
  if (f.source === 'primary' || f.lagSeconds < 1) {
    return { key: 'portal.freshness.live', n: 0 };
  }
  return { key: 'portal.freshness.behind', n: Math.round(f.lagSeconds) };
}
