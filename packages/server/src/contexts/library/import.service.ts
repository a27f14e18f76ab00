/**
 * Import jobs: an uploaded spreadsheet runs in the background through the import runner;
 * its progress lives in memory while it runs, and its counts and issues in import_jobs.
 * Jobs can be cancelled (rolled back); every job's start and end are audited.
 */
import { rm } from 'node:fs/promises';
import { domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import {
  type Actor,
  type AuditContext,
  runImport,
  type ImportIssue,
  type ImportMode,
  type ImportOutcome,
  type ImportProgress,
  type ImportKind,
  fileSource,
  audit,
  type ServiceDeps,
  type Upload,
} from '../platform';
import type { Database, Db } from '../../db/client';
import { insertImportJob, updateImportJob } from './import-job.repo';
import { inTransaction } from '../../db/tx';
import { importSpecOf, IMPORT_KIND_LABELS } from './imports/import-kinds';

export type JobStatus = 'running' | 'done' | 'rejected' | 'failed' | 'cancelled';

/** Issues kept with a job (the report); the reply carries the first ISSUES_IN_REPLY. */
const ISSUES_KEPT = 10_000;
export const ISSUES_IN_REPLY = 1000;

interface LiveJob {
  readonly controller: AbortController;
  progress: ImportProgress;
  done: Promise<void>;
}

const live = new WeakMap<Database, Map<string, LiveJob>>();
export function liveJobs(database: Database): Map<string, LiveJob> {
  let m = live.get(database);
  if (m === undefined) {
    m = new Map();
    live.set(database, m);
  }
  return m;
}

const issueSchema = z.object({
  row: z.number(),
  column: z.string(),
  columnEn: z.string(),
  value: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});
export const storedErrors = z.object({
  issues: z.array(issueSchema),
  omitted: z.number(),
  error: z
    .object({ code: z.string(), message: z.string(), messageEn: z.string(), details: z.unknown().optional() })
    .nullable(),
});
export const storedCounts = z.object({
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  dryRun: z.boolean(),
  written: z.boolean(),
});

/** The job as the API shows it. */
export const importJobViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['targets', 'inspectors', 'items', 'tiers', 'risk-facts']),
  fileName: z.string(),
  mode: z.enum(['all-or-nothing', 'valid-only']),
  dryRun: z.boolean(),
  status: z.enum(['running', 'done', 'rejected', 'failed', 'cancelled']),
  phase: z.enum(['validating', 'writing']).nullable(),
  /** The final merge's step of a large import (staged rows merged, indexes rebuilt), once it runs. */
  step: z.enum(['merging', 'indexing']).nullable(),
  processed: z.number(),
  fraction: z.number(),
  counts: storedCounts.nullable(),
  issues: z.array(issueSchema),
  issuesTotal: z.number(),
  error: storedErrors.shape.error,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof importJobViewSchema>;

function statusOf(o: ImportOutcome): JobStatus {
  if (o.cancelled) {
    return 'cancelled';
  }
  return o.rejected > 0 && o.mode === 'all-or-nothing' ? 'rejected' : 'done';
}

function countsOf(o: ImportOutcome): z.infer<typeof storedCounts> {
  return {
    rows: o.rows,
    accepted: o.accepted,
    rejected: o.rejected,
    added: o.added,
    updated: o.updated,
    unchanged: o.unchanged,
    dryRun: o.dryRun,
    written: o.written,
  };
}

async function finishRow(
  tx: Db,
  id: string,
  status: JobStatus,
  processed: number,
  counts: z.infer<typeof storedCounts> | null,
  issues: readonly ImportIssue[],
  omitted: number,
  error: DomainError | null,
  at: Date,
): Promise<void> {
  const kept = issues.slice(0, ISSUES_KEPT);
  await updateImportJob(tx, id, {
    status,
    processed,
    counts,
    errors: {
      issues: kept,
      omitted: omitted + issues.length - kept.length,
      error:
        error === null
          ? null
          : {
              code: error.code,
              message: error.messageZh,
              messageEn: error.messageEn,
              details: {
                ...(error.details ?? {}),
                ...(error.issues === undefined ? {} : { issues: error.issues }),
              },
            },
    },
    finishedAt: at,
  });
}

/** Start importing an uploaded file; returns the job id at once. The file is removed when the job ends. */
export async function startImport(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  kind: ImportKind,
  upload: Upload,
  mode: ImportMode,
  dryRun: boolean,
): Promise<Result<{ jobId: string }, DomainError>> {
  const spec = importSpecOf(kind);
  if (spec === undefined) {
    await rm(upload.path, { force: true });
    const label = IMPORT_KIND_LABELS[kind];
    return err(
      domainError(
        'VALIDATION',
        `${label.zh}的导入尚未提供`,
        `importing the ${label.en} is not available yet`,
      ),
    );
  }
  const db = deps.database.db;
  const now = deps.clock();
  const created = await inTransaction<string, DomainError>(db, async (tx) => {
    const row = await insertImportJob(tx, {
      kind,
      fileName: upload.fileName,
      departmentCode: ctx.actor.departmentCode,
      mode,
      status: 'running',
      createdBy: ctx.actor.username,
      createdAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'import.started',
        entityType: 'import',
        entityId: row.id,
        after: { kind, fileName: upload.fileName, mode, dryRun },
      },
      now,
    );
    return ok(row.id);
  });
  if (!created.ok) {
    return created;
  }
  const id = created.value;
  const controller = new AbortController();
  const jobs = liveJobs(deps.database);
  const job: LiveJob = {
    controller,
    progress: { phase: 'validating', processed: 0, fraction: 0 },
    done: Promise.resolve(),
  };
  const run = async (): Promise<void> => {
    let processed = 0;
    try {
      const res = await runImport(db, spec, fileSource(upload.path, upload.fileName), {
        mode,
        dryRun,
        ctx: { audit: ctx, now: deps.clock() },
        signal: controller.signal,
        sizeBytes: upload.sizeBytes,
        auditEntityId: id,
        singlePass: deps.database.engine === 'postgres',
        onProgress: (p) => {
          job.progress = p;
          processed = p.processed;
        },
        onCommit: (tx, o) =>
          finishRow(tx, id, 'done', o.rows, countsOf(o), o.issues, o.issuesOmitted, null, deps.clock()),
      });
      if (res.ok && res.value.written) {
        return; // finished inside the write transaction
      }
      const at = deps.clock();
      await inTransaction(db, async (tx) => {
        if (res.ok) {
          const o = res.value;
          const status = statusOf(o);
          await finishRow(tx, id, status, o.rows, countsOf(o), o.issues, o.issuesOmitted, null, at);
          await audit(
            tx,
            ctx,
            {
              action: `import.${o.dryRun && status === 'done' ? 'dry-run' : status}`,
              entityType: 'import',
              entityId: id,
              after: { kind, ...countsOf(o) },
            },
            at,
          );
        } else {
          await finishRow(tx, id, 'failed', processed, null, [], 0, res.error, at);
          await audit(
            tx,
            ctx,
            {
              action: 'import.failed',
              entityType: 'import',
              entityId: id,
              after: { kind, reason: res.error.messageEn },
            },
            at,
          );
        }
        return ok(undefined);
      });
    } catch (e) {
      const at = deps.clock();
      const failure = domainError(
        'VALIDATION',
        '文件无法读取：请确认是有效的 .xlsx 或 .csv 文件',
        'the file could not be read: check that it is a valid .xlsx or .csv file',
        {
          details: { reason: e instanceof Error ? e.message : String(e) },
        },
      );
      await inTransaction(db, async (tx) => {
        await finishRow(tx, id, 'failed', processed, null, [], 0, failure, at);
        await audit(
          tx,
          ctx,
          {
            action: 'import.failed',
            entityType: 'import',
            entityId: id,
            after: { kind, reason: failure.details },
          },
          at,
        );
        return ok(undefined);
      });
    } finally {
      jobs.delete(id);
      await rm(upload.path, { force: true });
    }
  };
  jobs.set(id, job);
  job.done = run();
  return ok({ jobId: id });
}

/** Wait until a running job ends (tests, CLI). */
export async function waitForJob(database: Database, id: string): Promise<void> {
  await liveJobs(database).get(id)?.done;
}
