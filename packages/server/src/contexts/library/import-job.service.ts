/**
 * Import jobs after they start: progress and counts (live while running, stored after), cancellation, the error report and the blank templates.
 */
import { domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  canWriteDepartment,
  forbiddenDepartment,
  type Actor,
  type ImportKind,
  issuesXlsx,
  templateXlsx,
  type ServiceDeps,
} from '../platform';
import { findImportJob, type ImportJobRow } from './import-job.repo';
import { importSpecOf, IMPORT_KIND_LABELS } from './imports/import-kinds';
import { ISSUES_IN_REPLY, liveJobs, storedErrors, storedCounts, type ImportJobView } from './import.service';

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
    step: running?.progress.step ?? null,
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
