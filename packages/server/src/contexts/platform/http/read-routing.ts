/**
 * Replica reads per route (issue 17 §1): a route whose config says `readsFrom: 'replica'` runs its
 * handler inside a read scope holding the replica chosen for the request (db/replicas.ts), and its
 * reply says where the data came from in `x-ssj-data-source` (`replica; lag=0.4`). Sessions, rate
 * limits and CSRF run before, on the primary.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/client';
import { readScope, type Freshness } from '../../../db/replicas';

/** Where reads come from without replicas: the primary, current by definition. */
export function freshnessOf(database: Database): Freshness {
  return (
    database.reads?.choose().freshness ?? {
      source: 'primary',
      lagSeconds: 0,
      replicas: 0,
      usable: 0,
      checkedAt: null,
    }
  );
}

/** Install the read scope for replica-read routes. */
export function registerReadRouting(app: FastifyInstance, database: Database): void {
  const reads = database.reads;
  if (reads === undefined) {
    return;
  }
  app.addHook('preHandler', (request, reply, done) => {
    if (request.routeOptions.config.readsFrom !== 'replica') {
      done();
      return;
    }
    const choice = reads.choose();
    const f = choice.freshness;
    reply.header('x-ssj-data-source', `${f.source}; lag=${f.lagSeconds.toFixed(1)}`);
    readScope.run(choice.db, done);
  });
}
