/**
 * The alert queue (issue 16 part 1): staff read the alerts of the sources their department
 * owns (oversight roles read all), triage them (verify, dismiss with a reason, refer), and see
 * counts per source and a daily series. Department admins keep their sources and keys.
 */
import { randomBytes } from 'node:crypto';
import {
  ALERT_SOURCE_KINDS,
  ALERT_STATUSES,
  ALERT_TYPE_CODES,
  alertActive,
  domainError,
  err,
  ok,
  TRIAGE_ACTIONS,
  triageAlert,
  type AlertStatus,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { inTransaction } from '../../../db/tx';
import {
  type Actor,
  type AuditContext,
  audit,
  canReadDepartment,
  canWriteDepartment,
  chinaToday,
  existingDepartmentCodes,
  forbiddenDepartment,
  type ServiceDeps,
} from '../../platform';
import {
  countsBySource,
  dailyCounts,
  insertSource,
  listAlerts,
  listSources,
  lockAlert,
  setTriage,
  updateSource,
  findSource,
  type AlertRow,
  type AlertSourceRow,
} from './alert.repo';

export const alertViewSchema = z.object({
  id: z.uuid(),
  sourceId: z.string(),
  type: z.enum(ALERT_TYPE_CODES),
  occurredAt: z.string(),
  receivedAt: z.string(),
  uscc: z.string().nullable(),
  equipmentId: z.string().nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  location: z.string().nullable(),
  detail: z.string().nullable(),
  status: z.enum(ALERT_STATUSES),
  triageReason: z.string().nullable(),
  triagedBy: z.string().nullable(),
  triagedAt: z.string().nullable(),
  expiresAt: z.string(),
  /** Counts for the 风险预警 tag and the score now. */
  active: z.boolean(),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertSourceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ALERT_SOURCE_KINDS),
  departmentCode: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  /** Alerts per triage status. */
  counts: z.object({ new: z.number(), verified: z.number(), dismissed: z.number(), referred: z.number() }),
  canManage: z.boolean(),
});
export type AlertSourceView = z.infer<typeof alertSourceViewSchema>;

export const alertListQuerySchema = z.object({
  sourceId: z.string().max(40).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  type: z.enum(ALERT_TYPE_CODES).optional(),
  targetId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const alertSummarySchema = z.object({
  sources: z.array(alertSourceViewSchema),
  /** Alerts received per China day and source, oldest day first (days without alerts are absent). */
  daily: z.array(z.object({ day: z.string(), sourceId: z.string(), count: z.number() })),
  days: z.array(z.string()),
});

export const triageBodySchema = z.object({
  action: z.enum(TRIAGE_ACTIONS),
  reason: z.string().max(500).nullable().default(null),
});

export const newSourceSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, '2–40 lower-case letters, digits or hyphens')
    .describe('来源编号 / source id, used in X-SSJ-Source'),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(ALERT_SOURCE_KINDS),
  departmentCode: z.string().max(40),
});

export const sourceSecretSchema = z.object({
  source: alertSourceViewSchema,
  /** The signing key, shown this once. */
  secret: z.string(),
});

function viewOf(a: AlertRow & { targetName: string | null }, now: Date): AlertView {
  return {
    id: a.id,
    sourceId: a.sourceId,
    type: a.alertType as AlertView['type'],
    occurredAt: a.occurredAt.toISOString(),
    receivedAt: a.receivedAt.toISOString(),
    uscc: a.uscc,
    equipmentId: a.equipmentId,
    targetId: a.targetId,
    targetName: a.targetName,
    location: a.location,
    detail: a.detail,
    status: a.status as AlertStatus,
    triageReason: a.triageReason,
    triagedBy: a.triagedBy,
    triagedAt: a.triagedAt?.toISOString() ?? null,
    expiresAt: a.expiresAt.toISOString(),
    active: alertActive(a.status as AlertStatus, a.expiresAt, now),
  };
}

type Counts = AlertSourceView['counts'];
const NO_COUNTS: Counts = { new: 0, verified: 0, dismissed: 0, referred: 0 };

function sourceView(s: AlertSourceRow, actor: Actor, counts: Counts = NO_COUNTS): AlertSourceView {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind as AlertSourceView['kind'],
    departmentCode: s.departmentCode,
    active: s.active,
    createdAt: s.createdAt.toISOString(),
    counts,
    canManage: canWriteDepartment(actor, s.departmentCode),
  };
}

/** The sources whose alerts the actor may read. */
async function readableSources(deps: ServiceDeps, actor: Actor): Promise<AlertSourceRow[]> {
  return (await listSources(deps.database.db)).filter((s) => canReadDepartment(actor, s.departmentCode));
}

/** A page of the queue, newest first. */
export async function listAlertQueue(
  deps: ServiceDeps,
  actor: Actor,
  q: z.infer<typeof alertListQuerySchema>,
): Promise<Result<{ items: AlertView[]; total: number }, DomainError>> {
  const sources = (await readableSources(deps, actor)).map((s) => s.id);
  const ids = q.sourceId === undefined ? sources : sources.filter((s) => s === q.sourceId);
  const now = deps.clock();
  const r = await listAlerts(
    deps.database.db,
    { sourceIds: ids, status: q.status, type: q.type, targetId: q.targetId },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return ok({ items: r.rows.map((a) => viewOf(a, now)), total: r.total });
}

/** The sources the actor reads, with counts per status, and a daily series over `days` days. */
export async function alertSummary(
  deps: ServiceDeps,
  actor: Actor,
  days: number,
): Promise<Result<z.infer<typeof alertSummarySchema>, DomainError>> {
  const sources = await readableSources(deps, actor);
  const ids = sources.map((s) => s.id);
  const db = deps.database.db;
  const today = chinaToday(deps.clock());
  const [counts, daily] = await Promise.all([countsBySource(db, ids), dailyCounts(db, ids, today, days)]);
  const bySource = new Map<string, Counts>();
  for (const c of counts) {
    const cur = { ...(bySource.get(c.source_id) ?? NO_COUNTS) };
    cur[c.status as keyof Counts] = c.n;
    bySource.set(c.source_id, cur);
  }
  const base = Date.parse(`${today}T00:00:00Z`);
  return ok({
    sources: sources.map((s) => sourceView(s, actor, bySource.get(s.id))),
    daily: daily.map((d) => ({ day: d.day, sourceId: d.source_id, count: d.n })),
    days: Array.from({ length: days }, (_, i) =>
      new Date(base - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    ),
  });
}

const notFound = (id: string) => domainError('NOT_FOUND', `预警不存在：${id}`, `no such alert: ${id}`);

/** Triage one alert: verify, dismiss (with a reason) or refer (with where and why). Audited. */
export async function triage(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  body: z.infer<typeof triageBodySchema>,
): Promise<Result<AlertView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const a = await lockAlert(tx, id);
    const source = a === undefined ? undefined : await findSource(tx, a.sourceId);
    if (a === undefined || source === undefined || !canReadDepartment(ctx.actor, source.departmentCode)) {
      return err(notFound(id));
    }
    if (!canWriteDepartment(ctx.actor, source.departmentCode)) {
      return err(forbiddenDepartment(source.departmentCode));
    }
    const t = triageAlert(a.status as AlertStatus, body.action, body.reason);
    if (!t.ok) {
      return t;
    }
    const row = await setTriage(tx, id, { ...t.value, by: ctx.actor.username, at: now });
    await audit(
      tx,
      ctx,
      {
        action: `risk_alert.${t.value.status}`,
        entityType: 'risk_alert',
        entityId: id,
        departmentCode: source.departmentCode,
        before: { status: a.status },
        after: { status: t.value.status, reason: t.value.reason },
      },
      now,
    );
    return ok(viewOf({ ...row, targetName: null }, now));
  });
}

/** A new signing key: 32 random bytes, base64url. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Register a partner source in a department the actor administers; the key is shown once. */
export async function createSource(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  body: z.infer<typeof newSourceSchema>,
): Promise<Result<z.infer<typeof sourceSecretSchema>, DomainError>> {
  if (!canWriteDepartment(ctx.actor, body.departmentCode)) {
    return err(forbiddenDepartment(body.departmentCode));
  }
  const now = deps.clock();
  const secret = newSecret();
  return inTransaction(deps.database.db, async (tx) => {
    if ((await existingDepartmentCodes(tx, [body.departmentCode])).size === 0) {
      return err(
        domainError(
          'VALIDATION',
          `部门不存在：${body.departmentCode}`,
          `no such department: ${body.departmentCode}`,
          {
            issues: [
              {
                field: 'departmentCode',
                value: body.departmentCode,
                messageZh: '部门不存在',
                messageEn: 'no such department',
              },
            ],
          },
        ),
      );
    }
    const row = { ...body, secret, active: true, createdBy: ctx.actor.username, createdAt: now };
    if (!(await insertSource(tx, row))) {
      return err(domainError('CONFLICT', `来源编号已存在：${body.id}`, `source id taken: ${body.id}`));
    }
    await audit(
      tx,
      ctx,
      { action: 'alert_source.created', entityType: 'alert_source', entityId: body.id, after: { ...body } },
      now,
    );
    return ok({ source: sourceView(row, ctx.actor), secret });
  });
}

/** Change a source the actor administers, and audit the change. */
async function changeSource<T>(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  set: { active: boolean } | { secret: string },
  action: string,
  reply: (row: AlertSourceView) => T,
): Promise<Result<T, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const s = await findSource(tx, id);
    if (s === undefined || !canReadDepartment(ctx.actor, s.departmentCode)) {
      return err(domainError('NOT_FOUND', `预警来源不存在：${id}`, `no such alert source: ${id}`));
    }
    if (!canWriteDepartment(ctx.actor, s.departmentCode)) {
      return err(forbiddenDepartment(s.departmentCode));
    }
    const row = await updateSource(tx, id, set);
    if (row === undefined) {
      throw new Error('bug: a found source did not update');
    }
    await audit(
      tx,
      ctx,
      {
        action,
        entityType: 'alert_source',
        entityId: id,
        departmentCode: s.departmentCode,
        before: { active: s.active },
        after: { active: row.active },
      },
      now,
    );
    return ok(reply(sourceView(row, ctx.actor)));
  });
}

/** Give a source a new key: the old one stops working at once; the new one is shown once. */
export async function rotateSourceKey(deps: ServiceDeps, ctx: AuditContext & { actor: Actor }, id: string) {
  const secret = newSecret();
  return changeSource(deps, ctx, id, { secret }, 'alert_source.key_rotated', (source) => ({
    source,
    secret,
  }));
}

/** Switch a source on or off: a source that is off is refused (401) like an unknown one. */
export async function setSourceActive(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  active: boolean,
) {
  return changeSource(deps, ctx, id, { active }, 'alert_source.active_set', (source) => source);
}
