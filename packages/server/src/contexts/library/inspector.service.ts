/**
 * Inspector library service (执法检查人员名录库): search, create, change, activate and
 * deactivate (dated). Department admins keep their own department's inspectors; an
 * inspector sees their own record, matched by the badge number on their account.
 */
import {
  CERT_WARNING_DAYS,
  chinaDay,
  domainError,
  err,
  nextExpertId,
  ok,
  validateInspector,
  type DomainError,
  type FieldIssue,
  type InspectorData,
  type InspectorInput,
  type InspectorPatch,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  canWriteDepartment,
  CROSS_DEPARTMENT_READERS,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
  type AuditContext,
  listDepartments,
  listUnits,
  findUserById,
  audit,
  type ServiceDeps,
  chinaToday,
} from '../platform';
import type { Db } from '../../db/client';
import {
  findInspector,
  findInspectorsByBadges,
  insertInspectors,
  listExpertIds,
  searchInspectors,
  updateInspector,
  type InspectorFilter,
  type InspectorRow,
} from './inspector.repo';
import { inTransaction } from '../../db/tx';
import { inspectorView, type InspectorView } from './inspector-view';
import { invalid } from './item.service';

export const inspectorQuerySchema = z.object({
  department: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  unit: z.string().max(60).optional(),
  expert: z.enum(['true', 'false']).optional(),
  active: z.enum(['true', 'false']).optional(),
  specialty: z.string().max(30).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InspectorQuery = z.infer<typeof inspectorQuerySchema>;

export const inspectorNotFound = (): DomainError =>
  domainError('NOT_FOUND', '检查人员不存在', 'no such inspector');

/** True when the actor only holds the inspector role (sees their own record only). */
export function isInspectorOnly(actor: Actor): boolean {
  return actor.roles.every((r) => r === 'inspector');
}

/** The inspector record id of the actor's own account (via users.inspector_badge), if any. */
export async function ownInspectorId(db: Db, actor: Actor): Promise<string | null> {
  const badge = (await findUserById(db, actor.userId))?.user.inspectorBadge ?? null;
  if (badge === null || badge === '') {
    return null;
  }
  return (await findInspectorsByBadges(db, [badge])).get(badge)?.id ?? null;
}

/** May the actor read this inspector's record? */
export async function canReadInspector(db: Db, actor: Actor, row: InspectorRow): Promise<boolean> {
  if (isInspectorOnly(actor)) {
    return (await ownInspectorId(db, actor)) === row.id;
  }
  return canReadDepartment(actor, row.departmentCode);
}

async function filterFor(
  db: Db,
  actor: Actor,
  q: Omit<InspectorQuery, 'limit' | 'offset'>,
): Promise<Result<Omit<InspectorFilter, 'limit' | 'offset'>, DomainError>> {
  const base = {
    ...(q.q !== undefined ? { keyword: q.q } : {}),
    ...(q.unit !== undefined ? { unitCode: q.unit } : {}),
    ...(q.expert !== undefined ? { expert: q.expert === 'true' } : {}),
    ...(q.active !== undefined ? { active: q.active === 'true' } : {}),
    ...(q.specialty !== undefined ? { specialty: q.specialty } : {}),
  };
  if (isInspectorOnly(actor)) {
    const own = await ownInspectorId(db, actor);
    return ok({ ...base, ids: own === null ? [] : [own] });
  }
  if (q.department !== undefined) {
    return canReadDepartment(actor, q.department)
      ? ok({ ...base, departments: [q.department] })
      : err(forbiddenDepartment(q.department));
  }
  return ok(
    hasAnyRole(actor, CROSS_DEPARTMENT_READERS) ? base : { ...base, departments: [actor.departmentCode] },
  );
}

/** Search the library (paged). */
export async function listInspectors(
  deps: ServiceDeps,
  actor: Actor,
  q: InspectorQuery,
): Promise<Result<{ items: InspectorView[]; total: number }, DomainError>> {
  const db = deps.database.db;
  const f = await filterFor(db, actor, q);
  if (!f.ok) {
    return f;
  }
  const { rows, total } = await searchInspectors(db, { ...f.value, limit: q.limit, offset: q.offset });
  return ok({ items: rows.map((r) => inspectorView(r, chinaToday(deps.clock()))), total });
}

/** Every inspector of a query (for export), capped at `max`. */
export async function exportInspectors(
  deps: ServiceDeps,
  actor: Actor,
  q: Omit<InspectorQuery, 'limit' | 'offset'>,
  max: number,
): Promise<Result<InspectorView[], DomainError>> {
  const db = deps.database.db;
  const f = await filterFor(db, actor, q);
  return f.ok
    ? ok(
        (await searchInspectors(db, { ...f.value, limit: max, offset: 0 })).rows.map((r) =>
          inspectorView(r, chinaToday(deps.clock())),
        ),
      )
    : f;
}

/** One inspector. */
export async function getInspector(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<InspectorView, DomainError>> {
  const db = deps.database.db;
  const row = await findInspector(db, id);
  if (row === undefined) {
    return err(inspectorNotFound());
  }
  return (await canReadInspector(db, actor, row))
    ? ok(inspectorView(row, chinaToday(deps.clock())))
    : err(forbiddenDepartment(row.departmentCode));
}

/** Database checks of an inspector record: the department exists, the unit is one of its units. */
export async function checkInspectorRefs(
  db: Db,
  data: Pick<InspectorData, 'departmentCode' | 'unitCode'>,
  row?: number,
): Promise<FieldIssue[]> {
  const at = (field: string) => (row === undefined ? { field } : { field, row });
  const issues: FieldIssue[] = [];
  if (!(await listDepartments(db)).some((d) => d.code === data.departmentCode)) {
    issues.push({
      ...at('departmentCode'),
      value: data.departmentCode,
      messageZh: `部门 ${data.departmentCode} 不存在`,
      messageEn: `unknown department ${data.departmentCode}`,
    });
  } else if (
    data.unitCode !== null &&
    !(await listUnits(db, data.departmentCode)).some((u) => u.code === data.unitCode)
  ) {
    issues.push({
      ...at('unitCode'),
      value: data.unitCode,
      messageZh: `所属单位 ${data.unitCode} 不是该部门的单位`,
      messageEn: `unit ${data.unitCode} is not a unit of the department`,
    });
  }
  return issues;
}

/** The row to insert for validated data, with its id (badge, or the next expert id). */
export function inspectorRow(id: string, d: InspectorData, at: Date) {
  return {
    id,
    ...d,
    qualifications: [...d.qualifications],
    specialties: [...d.specialties],
    createdAt: at,
    updatedAt: at,
  };
}

/** Add an inspector (dept_admin of its department, or system admin). */
export async function createInspector(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  input: InspectorInput,
): Promise<Result<InspectorView, DomainError>> {
  const db = deps.database.db;
  if (!canWriteDepartment(ctx.actor, input.departmentCode)) {
    return err(forbiddenDepartment(input.departmentCode));
  }
  const v = validateInspector(input);
  if (!v.ok) {
    return err(invalid(v.error));
  }
  const refs = await checkInspectorRefs(db, v.value);
  if (refs.length > 0) {
    return err(invalid(refs));
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    const badge = v.value.badgeNo;
    if (
      badge !== null &&
      ((await findInspectorsByBadges(tx, [badge])).size > 0 || (await findInspector(tx, badge)) !== undefined)
    ) {
      return err(
        domainError('CONFLICT', `执法证号已存在：${badge}`, `badge number already in the library: ${badge}`),
      );
    }
    const id = badge ?? nextExpertId(await listExpertIds(tx));
    await insertInspectors(tx, [
      inspectorRow(id, { ...v.value, activeFrom: v.value.activeFrom ?? chinaDay(now) }, now),
    ]);
    const row = await findInspector(tx, id);
    if (row === undefined) {
      throw new Error('bug: inspector vanished after insert');
    }
    const view = inspectorView(row, chinaToday(now));
    await audit(
      tx,
      ctx,
      {
        action: 'inspector.created',
        entityType: 'inspector',
        entityId: id,
        departmentCode: view.departmentCode,
        after: view,
      },
      now,
    );
    return ok(view);
  });
}

/** Change an inspector; deactivating dates the end, reactivating clears it. Audited. */
export async function patchInspector(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  patch: InspectorPatch,
): Promise<Result<InspectorView, DomainError>> {
  const db = deps.database.db;
  const row = await findInspector(db, id);
  if (row === undefined) {
    return err(inspectorNotFound());
  }
  if (!canWriteDepartment(ctx.actor, row.departmentCode)) {
    return err(forbiddenDepartment(row.departmentCode));
  }
  const before = inspectorView(row, chinaToday(deps.clock()));
  const now = deps.clock();
  const today = chinaDay(now);
  const active = patch.active ?? before.active;
  const toggled = active !== before.active;
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const merged: InspectorInput = {
    ...before,
    ...given,
    activeTo:
      patch.activeTo !== undefined ? patch.activeTo : toggled ? (active ? null : today) : before.activeTo,
    activeFrom:
      patch.activeFrom !== undefined ? patch.activeFrom : toggled && active ? today : before.activeFrom,
  };
  const v = validateInspector(merged);
  if (!v.ok) {
    return err(invalid(v.error));
  }
  const refs = await checkInspectorRefs(db, v.value);
  if (refs.length > 0) {
    return err(invalid(refs));
  }
  return inTransaction(db, async (tx) => {
    const updated = await updateInspector(tx, id, {
      ...inspectorRow(id, v.value, now),
      createdAt: row.createdAt,
    });
    if (updated === undefined) {
      return err(inspectorNotFound());
    }
    const after = inspectorView(updated, chinaToday(now));
    const action = toggled ? (active ? 'inspector.activated' : 'inspector.deactivated') : 'inspector.updated';
    await audit(
      tx,
      ctx,
      { action, entityType: 'inspector', entityId: id, departmentCode: after.departmentCode, before, after },
      now,
    );
    return ok(after);
  });
}

/** Certificates (行政执法证) of the library the actor may read: expired, and expiring within 30 days of the server's today. */
export async function certificateAlerts(
  deps: ServiceDeps,
  actor: Actor,
): Promise<
  Result<
    {
      today: string;
      warnDays: number;
      expired: InspectorView[];
      expiring: InspectorView[];
      unrecorded: number;
    },
    DomainError
  >
> {
  const db = deps.database.db;
  const f = await filterFor(db, actor, { expert: 'false', active: 'true' });
  if (!f.ok) {
    return f;
  }
  const today = chinaToday(deps.clock());
  const { rows } = await searchInspectors(db, { ...f.value, limit: 100_000, offset: 0 });
  const views = rows.map((r) => inspectorView(r, today));
  const by = (state: InspectorView['certificate']['state']) =>
    views
      .filter((v) => v.certificate.state === state)
      .sort((a, b) => (a.certificate.expiresOn ?? '').localeCompare(b.certificate.expiresOn ?? ''));
  return ok({
    today,
    warnDays: CERT_WARNING_DAYS,
    expired: by('expired'),
    expiring: by('expiring'),
    unrecorded: by('unrecorded').length,
  });
}
