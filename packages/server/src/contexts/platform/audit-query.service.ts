/**
 * Reading, exporting and verifying the audit trail (审计日志, issue 11). Department-bound roles
 * see their department's rows: those its staff wrote and those changing resources it owns
 * (issue 10). Search by actor, department, action, object and date (days in Asia/Shanghai; the
 * trail stores UTC).
 */
import {
  addDays,
  domainError,
  parseIsoDate,
  type DomainError,
  type Result,
  chinaDateTime,
} from '@openssj/core';
import { z } from 'zod';
import { verifyAuditChain } from './audit/audit-verify';
import {
  canReadDepartment,
  CROSS_DEPARTMENT_READERS,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
} from './auth/actor';
import {
  auditRowsOldestFirst,
  searchAuditRows,
  type AuditRow,
  type AuditSearch,
} from './audit/audit-search.repo';
import type { ServiceDeps } from './context';
import { EXPORT_MAX_ROWS, sheetDownload, type Download, type SheetFormat } from './sheets/sheet-download';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** The audit search (every field optional). */
export const auditFilterSchema = z.object({
  /** Username of the actor (part of it). */
  actor: z.string().trim().max(60).optional(),
  department: z.string().max(40).optional(),
  /** An action code or its prefix, e.g. `user.` or `draw.drawn`. */
  action: z.string().trim().max(60).optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(200).optional(),
  /** First and last day, inclusive, in Asia/Shanghai. */
  from: day.optional(),
  to: day.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The start of a China day as a UTC instant (China keeps no daylight time: UTC+8 all year). */
function chinaMidnight(d: string): Date {
  return new Date(`${d}T00:00:00+08:00`);
}

/** The search as the repository runs it: the filter, with the actor's department bounds added. */
function searchOf(actor: Actor, f: AuditFilter): Result<AuditSearch, DomainError> {
  const departments: string[] = [];
  if (!hasAnyRole(actor, CROSS_DEPARTMENT_READERS)) {
    departments.push(actor.departmentCode);
  }
  if (f.department !== undefined) {
    if (!canReadDepartment(actor, f.department)) {
      return { ok: false, error: forbiddenDepartment(f.department) };
    }
    departments.push(f.department);
  }
  const search: { -readonly [K in keyof AuditSearch]: AuditSearch[K] } = { departments };
  if (f.actor !== undefined && f.actor !== '') {
    search.actor = f.actor;
  }
  if (f.action !== undefined && f.action !== '') {
    search.actionPrefix = f.action;
  }
  if (f.entityType !== undefined) {
    search.entityType = f.entityType;
  }
  if (f.entityId !== undefined && f.entityId !== '') {
    search.entityId = f.entityId;
  }
  for (const [field, value] of [
    ['from', f.from],
    ['to', f.to],
  ] as const) {
    if (value === undefined) {
      continue;
    }
    const d = parseIsoDate(value, field);
    if (!d.ok) {
      return {
        ok: false,
        error: domainError('VALIDATION', `日期无效：${value}`, `invalid date: ${value}`, {
          issues: [d.error],
        }),
      };
    }
    if (field === 'from') {
      search.since = chinaMidnight(d.value);
    } else {
      search.before = chinaMidnight(addDays(d.value, 1));
    }
  }
  return { ok: true, value: search };
}

function rowView(r: AuditRow) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorName: r.actorName,
    actorRole: r.actorRole,
    departmentCode: r.departmentCode,
    ownerDepartment: r.ownerDepartment,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
    hash: r.hash,
  };
}

/** A page of audit rows, newest first. */
export async function listAuditRows(
  deps: ServiceDeps,
  actor: Actor,
  q: AuditFilter & { page: number; pageSize: number },
) {
  const search = searchOf(actor, q);
  if (!search.ok) {
    return search;
  }
  const { rows, total } = await searchAuditRows(deps.database.db, search.value, q.page, q.pageSize);
  return { ok: true as const, value: { items: rows.map(rowView), total } };
}

/** The export's columns: time in Beijing time, as the console shows it. */
export const AUDIT_EXPORT_HEADER = [
  '序号',
  '时间（北京时间）',
  '操作人',
  '角色',
  '部门',
  '操作',
  '对象类型',
  '对象编号',
  '请求编号',
  '哈希',
] as const;

/** Export the rows of a search (oldest first, at most EXPORT_MAX_ROWS) as xlsx or csv. */
export async function exportAuditRows(
  deps: ServiceDeps,
  actor: Actor,
  f: AuditFilter,
  format: SheetFormat,
): Promise<Result<Download, DomainError>> {
  const search = searchOf(actor, f);
  if (!search.ok) {
    return search;
  }
  const rows = await auditRowsOldestFirst(deps.database.db, search.value, EXPORT_MAX_ROWS);
  const now = deps.clock();
  return {
    ok: true,
    value: sheetDownload(
      '审计日志',
      AUDIT_EXPORT_HEADER,
      rows.map((r) => [
        String(r.seq),
        chinaDateTime(r.at),
        r.actorName ?? '',
        r.actorRole ?? '',
        r.departmentCode ?? '',
        r.action,
        r.entityType,
        r.entityId ?? '',
        r.requestId ?? '',
        r.hash,
      ]),
      format,
      now,
    ),
  };
}

/** Verify the chain. */
export async function verifyAudit(deps: ServiceDeps) {
  const v = await verifyAuditChain(deps.database.db);
  return v.ok
    ? { ok: true, rows: v.rows, brokenAt: null, reason: null, expected: null, actual: null }
    : {
        ok: false,
        rows: v.rows,
        brokenAt: v.brokenAt,
        reason: v.reason,
        expected: v.expected,
        actual: v.actual,
      };
}
