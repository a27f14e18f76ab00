/**
 * Scoring run jobs (issue 6): start a background run over a region, poll its progress
 * (processed / total, for the console's progress bar), cancel it. Start, cancel and finish
 * are audited. One run at a time per overlapping region.
 */
import { domainError, err, isIsoDate, ok, type DomainError, type Result, chinaDate } from '@openssj/core';
import { z } from 'zod';
import {
  CROSS_DEPARTMENT_READERS,
  hasAnyRole,
  type Actor,
  type AuditContext,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Database } from '../../db/client';
import {
  findRun,
  finishRun,
  insertRun,
  latestRuns,
  requestCancel,
  runCountsSchema,
  setRunProgress,
  type RunRow,
} from './risk-run.repo';
import { canReadRiskRegion, canWriteRiskRegion, forbiddenRegion, regionContains } from './risk-access';
import { scoreTargets } from './risk-scoring.service';
import { countRegionTargets } from './risk.repo';

/** A run as the API shows it. */
export const riskRunViewSchema = z.object({
  id: z.string(),
  scope: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  total: z.number(),
  processed: z.number(),
  /** processed ÷ total, 0–1. */
  fraction: z.number(),
  asOf: z.string(),
  counts: runCountsSchema.nullable(),
  cancelRequested: z.boolean(),
  error: z.string().nullable(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RiskRunView = z.infer<typeof riskRunViewSchema>;

export const startRunSchema = z.object({
  regionCode: z.union([z.string().regex(/^\d{6}$/), z.literal('all')]),
  asOf: z.string().refine(isIsoDate, 'YYYY-MM-DD').optional(),
});

interface LiveRun {
  readonly scope: string;
  readonly controller: AbortController;
  done: Promise<void>;
}
const live = new WeakMap<Database, Map<string, LiveRun>>();
function liveRuns(database: Database): Map<string, LiveRun> {
  let m = live.get(database);
  if (m === undefined) {
    m = new Map();
    live.set(database, m);
  }
  return m;
}

function runView(database: Database, r: RunRow): RiskRunView {
  // A 'running' row without a live job was cut short by a restart.
  const orphan = r.status === 'running' && !liveRuns(database).has(r.id);
  const counts = runCountsSchema.safeParse(r.counts);
  return {
    id: r.id,
    scope: r.scope,
    status: orphan
      ? 'failed'
      : z.enum(['running', 'done', 'cancelled', 'failed']).catch('failed').parse(r.status),
    total: r.total,
    processed: r.processed,
    fraction: r.total === 0 ? (r.status === 'running' ? 0 : 1) : Math.min(1, r.processed / r.total),
    asOf: r.asOf,
    counts: counts.success ? counts.data : null,
    cancelRequested: r.cancelRequested,
    error: orphan ? 'interrupted (server restarted)' : r.error,
    startedBy: r.startedBy,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Wait for a run's background job (tests, CLI); resolves at once when it is not running here. */
export async function riskRunDone(database: Database, id: string): Promise<void> {
  await liveRuns(database).get(id)?.done;
}

/** Start scoring a region in the background; returns the run at once. */
export async function startRiskRun(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  body: z.infer<typeof startRunSchema>,
): Promise<Result<RiskRunView, DomainError>> {
  const region = body.regionCode;
  if (!canWriteRiskRegion(ctx.actor, region)) {
    return err(forbiddenRegion(region, true));
  }
  const runs = liveRuns(deps.database);
  const clash = [...runs.values()].find(
    (r) => regionContains(r.scope, region) || regionContains(region, r.scope),
  );
  if (clash !== undefined) {
    return err(
      domainError(
        'CONFLICT',
        `${clash.scope} 的评分正在进行，请稍后再试`,
        `scoring of ${clash.scope} is already running`,
        { details: { scope: clash.scope } },
      ),
    );
  }
  const db = deps.database.db;
  const now = deps.clock();
  const asOf = body.asOf ?? chinaDate(now);
  const total = await countRegionTargets(db, region);
  const id = await db.transaction(async (tx) => {
    const runId = await insertRun(tx, { scope: region, total, asOf, startedBy: ctx.actor.username, at: now });
    await audit(
      tx,
      ctx,
      {
        action: 'risk.run.start',
        entityType: 'risk_run',
        entityId: runId,
        after: { scope: region, asOf, total },
      },
      now,
    );
    return runId;
  });
  const controller = new AbortController();
  const job: LiveRun = { scope: region, controller, done: Promise.resolve() };
  runs.set(id, job);
  job.done = (async () => {
    try {
      const out = await scoreTargets(db, {
        region,
        asOf,
        runId: id,
        at: now,
        signal: controller.signal,
        onBatch: (tx, n) => setRunProgress(tx, id, n),
      });
      const at = deps.clock();
      await db.transaction(async (tx) => {
        await finishRun(tx, id, {
          status: out.cancelled ? 'cancelled' : 'done',
          processed: out.processed,
          counts: out.counts,
          error: null,
          at,
        });
        await audit(
          tx,
          ctx,
          {
            action: out.cancelled ? 'risk.run.cancelled' : 'risk.run.finish',
            entityType: 'risk_run',
            entityId: id,
            after: { processed: out.processed, counts: out.counts },
          },
          at,
        );
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await finishRun(db, id, {
        status: 'failed',
        processed: 0,
        counts: { A: 0, B: 0, C: 0, D: 0 },
        error: message.slice(0, 500),
        at: deps.clock(),
      }).catch(() => undefined);
    } finally {
      runs.delete(id);
    }
  })();
  const row = await findRun(db, id);
  return row === undefined ? err(notFound(id)) : ok(runView(deps.database, row));
}

function notFound(id: string): DomainError {
  return domainError('NOT_FOUND', `评分任务不存在：${id}`, `no such scoring run: ${id}`);
}

/** A run's progress, for the region's staff. */
export async function getRiskRun(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<RiskRunView, DomainError>> {
  const row = await findRun(deps.database.db, id);
  if (row === undefined) {
    return err(notFound(id));
  }
  return canReadRiskRegion(actor, row.scope)
    ? ok(runView(deps.database, row))
    : err(forbiddenRegion(row.scope, false));
}

/** The latest runs of a region (and nationwide ones for oversight roles). */
export async function listRiskRuns(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
): Promise<Result<RiskRunView[], DomainError>> {
  if (!canReadRiskRegion(actor, region)) {
    return err(forbiddenRegion(region, false));
  }
  const scopes = hasAnyRole(actor, CROSS_DEPARTMENT_READERS) ? [region, 'all'] : [region];
  const rows = await latestRuns(deps.database.db, scopes, 10);
  return ok(rows.map((r) => runView(deps.database, r)));
}

/** Ask a running run to stop after its current batch (scores written so far stay). Audited. */
export async function cancelRiskRun(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
): Promise<Result<RiskRunView, DomainError>> {
  const db = deps.database.db;
  const row = await findRun(db, id);
  if (row === undefined) {
    return err(notFound(id));
  }
  if (!canWriteRiskRegion(ctx.actor, row.scope)) {
    return err(forbiddenRegion(row.scope, true));
  }
  const job = liveRuns(deps.database).get(id);
  if (job === undefined) {
    return err(
      domainError('INVALID_STATE', '该评分任务已结束，无法取消', 'the scoring run has already ended', {
        details: { status: row.status },
      }),
    );
  }
  const now = deps.clock();
  await db.transaction(async (tx) => {
    await requestCancel(tx, id);
    await audit(
      tx,
      ctx,
      {
        action: 'risk.run.cancel',
        entityType: 'risk_run',
        entityId: id,
        after: { processed: row.processed },
      },
      now,
    );
  });
  job.controller.abort();
  const after = await findRun(db, id);
  return after === undefined ? err(notFound(id)) : ok(runView(deps.database, after));
}
