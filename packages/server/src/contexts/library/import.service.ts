/**
 * Import jobs: an uploaded spreadsheet runs in the background through the import runner;
 * its progress lives in memory while it runs, and its counts and issues in import_jobs.
 * Jobs can be cancelled (rolled back); every job's start and end are audited.
 */
import { rm } from 'node:fs/promises';
import { domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  canWriteDepartment,
  forbiddenDepartment,
  type Actor,
  type AuditContext,
  runImport,
  type ImportIssue,
  type ImportMode,
  type ImportOutcome,
  type ImportProgress,
  type ImportKind,
  fileSource,
  issuesXlsx,
  templateXlsx,
  audit,
  type ServiceDeps,
  type Upload,
} from '../platform';
import type { Database, Db } from '../../db/client';
import { findImportJob, insertImportJob, updateImportJob, type ImportJobRow } from './import-job.repo';
import { inTransaction } from '../../db/tx';
import { importSpecOf, IMPORT_KIND_LABELS } from './imports/import-kinds';

export type JobStatus = 'running' | 'done' | 'rejected' | 'failed' | 'cancelled';

/** Issues kept with a job (the report); the reply carries the first ISSUES_IN_REPLY. */
const ISSUES_KEPT = 10_000;
const ISSUES_IN_REPLY = 1000;

interface LiveJob {
  readonly controller: AbortController;
  progress: ImportProgress;
  done: Promise<void>;
}

const live = new WeakMap<Database, Map<string, LiveJob>>();
function liveJobs(database: Database): Map<string, LiveJob> {
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
const storedErrors = z.object({
  issues: z.array(issueSchema),
  omitted: z.number(),
  error: z
    .object({ code: z.string(), message: z.string(), messageEn: z.string(), details: z.unknown().optional() })
    .nullable(),
});
const storedCounts = z.object({
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

async function loadJob(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<ImportJobRow, DomainError>> {
  const row = await findImportJob(deps.database.db, id);
  if (row === undefined) {
    return err(domainError('NOT_FOUND', '导入任务不存在', 'no such import job'));
  }
  const dept = row.departmentCode ?? '';
  if (!canReadDepartment(actor, dept)) {
    return err(forbiddenDepartment(dept));
  }
  return ok(row);
}

/** A job's progress, counts and (first) issues. */
export async function getImportJob(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<ImportJobView, DomainError>> {
  const found = await loadJob(deps, actor, id);
  if (!found.ok) {
    return found;
  }
  const row = found.value;
  const running = liveJobs(deps.database).get(id);
  const errors = storedErrors.safeParse(row.errors);
  const counts = storedCounts.safeParse(row.counts);
  const mode = z.enum(['all-or-nothing', 'valid-only']).parse(row.mode);
  const status =
    running !== undefined
      ? 'running'
      : z.enum(['running', 'done', 'rejected', 'failed', 'cancelled']).catch('failed').parse(row.status);
  const issues = errors.success ? errors.data.issues : [];
  return ok({
    id: row.id,
    kind: z.enum(['targets', 'inspectors', 'items', 'tiers', 'risk-facts']).parse(row.kind),
    fileName: row.fileName,
    mode,
    dryRun: counts.success ? counts.data.dryRun : false,
    // A job left 'running' by a stopped server never finished: nothing was committed.
    status: status === 'running' && running === undefined ? 'failed' : status,
    phase: running?.progress.phase ?? null,
    processed: running?.progress.processed ?? row.processed,
    fraction: running?.progress.fraction ?? (status === 'running' ? 0 : 1),
    counts: counts.success ? counts.data : null,
    issues: issues.slice(0, ISSUES_IN_REPLY),
    issuesTotal: issues.length + (errors.success ? errors.data.omitted : 0),
    error: errors.success ? errors.data.error : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });
}

/** Cancel a running job: its transaction rolls back and nothing is written. */
export async function cancelImportJob(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<{ cancelled: boolean }, DomainError>> {
  const found = await loadJob(deps, actor, id);
  if (!found.ok) {
    return found;
  }
  const dept = found.value.departmentCode ?? '';
  if (!canWriteDepartment(actor, dept)) {
    return err(forbiddenDepartment(dept));
  }
  const running = liveJobs(deps.database).get(id);
  if (running === undefined) {
    return err(
      domainError('INVALID_STATE', '导入任务已结束，无法取消', 'the import job has already finished'),
    );
  }
  running.controller.abort();
  await running.done;
  return ok({ cancelled: true });
}

/** The job's error report as an .xlsx workbook. */
export async function importJobReport(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<{ fileName: string; bytes: Buffer }, DomainError>> {
  const found = await loadJob(deps, actor, id);
  if (!found.ok) {
    return found;
  }
  const errors = storedErrors.safeParse(found.value.errors);
  const issues = errors.success ? errors.data.issues : [];
  const base = found.value.fileName.replace(/\.[^.]+$/, '');
  return ok({
    fileName: `${base}-错误报告.xlsx`,
    bytes: await issuesXlsx(issues, errors.success ? errors.data.omitted : 0),
  });
}

/** The downloadable template of a kind. */
export async function importTemplate(
  kind: ImportKind,
): Promise<Result<{ fileName: string; bytes: Buffer }, DomainError>> {
  const spec = importSpecOf(kind);
  const label = IMPORT_KIND_LABELS[kind];
  if (spec === undefined) {
    return err(
      domainError('NOT_FOUND', `${label.zh}的导入模板尚未提供`, `no template for the ${label.en} yet`),
    );
  }
  const notes =
    spec.notes ??
    (kind === 'targets'
      ? [
          '统一社会信用代码与对象编码只填一个：市场主体填统一社会信用代码，产品、项目、行为等填对象编码（如 产品:批次-2026-001）。',
          '对象类型：企业、个体工商户、农民专业合作社、其他组织、产品、项目、行为。登记状态：在营、注销、吊销、撤销、迁出。',
          '信用风险等级：A（低风险）、B（一般风险）、C（较高风险）、D（高风险）。标签用「；」分隔。行业代码按 GB/T 4754-2017，如 5211 或 F5211。',
        ]
      : kind === 'tiers'
        ? [
            '外部信用风险分类结果（如全国企业信用风险分类月度结果）：按统一社会信用代码或对象编码匹配名录库中的对象。',
            '信用风险等级：A（低风险）、B（一般风险）、C（较高风险）、D（高风险）。评定日期不能晚于导入当天；来源可留空。',
          ]
        : []);
  return ok({
    fileName: `${label.zh}导入模板.xlsx`,
    bytes: await templateXlsx(label.zh, spec.headers, notes),
  });
}
