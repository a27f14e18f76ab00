/**
 * The national publicity export (国家企业信用信息公示系统 upload): one row per published
 * visit and department: USCC, name, task, department, date, result category. Cells are
 * neutralised against formula injection by the sheet writer.
 */
import {
  domainError,
  err,
  ok,
  resultCategorySchema,
  summaryCategory,
  type DomainError,
  type Result,
} from '@openssj/core';
import type { Readable } from 'node:stream';
import { hasAnyRole, type Actor, csvStream, xlsxStream, chinaToday, type ServiceDeps } from '../platform';
import { streamPublishedByDepartment, type ExportRow } from './publication.repo';

export const PUBLICITY_HEADER = [
  '统一社会信用代码',
  '检查对象名称',
  '抽查任务',
  '检查部门',
  '检查日期',
  '检查结果',
  '公示日期',
] as const;

/** The cells of one export row. */
export function publicityCells(r: ExportRow): string[] {
  const cats = r.categories.flatMap((c) => resultCategorySchema.safeParse(c).data ?? []);
  return [
    r.uscc ?? r.target_id,
    r.target_name,
    r.task_title,
    r.department_name,
    r.visited_at === null ? '' : chinaToday(r.visited_at),
    summaryCategory(cats) ?? '',
    chinaToday(r.published_at),
  ];
}

/** Stream the export of the actor's departments' published results (all for system admins and auditors). */
export function exportPublicity(
  deps: ServiceDeps,
  actor: Actor,
  f: { taskId?: string | undefined; format: 'csv' | 'xlsx' },
): Result<{ stream: Readable; fileName: string; contentType: string }, DomainError> {
  if (f.taskId !== undefined && f.taskId.trim() === '') {
    return err(domainError('VALIDATION', '任务编号为空', 'empty task id'));
  }
  const all = hasAnyRole(actor, ['system_admin', 'auditor']);
  const filter = {
    ...(all ? {} : { departments: [actor.departmentCode] }),
    ...(f.taskId === undefined ? {} : { taskId: f.taskId }),
  };
  const db = deps.database.db;
  async function* rows(): AsyncGenerator<string[][]> {
    for await (const page of streamPublishedByDepartment(db, filter)) {
      yield page.map(publicityCells);
    }
  }
  const stamp = chinaToday(deps.clock()).replaceAll('-', '');
  return ok(
    f.format === 'csv'
      ? {
          stream: csvStream([...PUBLICITY_HEADER], rows()),
          fileName: `抽查结果公示-${stamp}.csv`,
          contentType: 'text/csv; charset=utf-8',
        }
      : {
          stream: xlsxStream('抽查结果公示', [...PUBLICITY_HEADER], rows()),
          fileName: `抽查结果公示-${stamp}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
  );
}
