/**
 * Tasks (抽查任务) of a plan: create, edit and delete while the plan is editable, the
 * participating departments' acceptance, and the estimate with the ratio-cap rule (core).
 */
import {
  checkRatioCap,
  checkTaskSpec,
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type TaskSpec,
} from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  canWriteDepartment,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
  type AuditContext,
  existingDepartmentCodes,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import { estimateFrames } from './frame-estimate.repo';
import {
  deleteTask,
  findTask,
  insertTask,
  nextTaskId,
  replaceTaskParts,
  setParticipation,
  updateTask,
  type TaskFull,
  drawsOfTask,
} from './task.repo';
import { currentItemVersions } from '../library';
import { inTransaction } from '../../db/tx';
import { editablePlan } from './plan.service';
import { taskView, type TaskView } from './workflow-views';
import { yearlyCap } from './workflow-settings';

const notFound = (id: string): DomainError =>
  domainError('NOT_FOUND', `没有这个任务：${id}`, `no such task: ${id}`);

export const participationSchema = z.object({
  accept: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});

/** The task when the actor may read it (lead, participant, or oversight). */
export async function readableTask(
  db: Db,
  actor: Actor,
  id: string,
  lock = false,
): Promise<Result<TaskFull, DomainError>> {
  const t = await findTask(db, id, lock);
  if (t === undefined) {
    return err(notFound(id));
  }
  const joined = t.participants.map((p) => p.departmentCode);
  return canReadDepartment(actor, t.task.leadDepartmentCode, joined)
    ? ok(t)
    : err(forbiddenDepartment(t.task.leadDepartmentCode));
}

/** Resolve item ids to their current versions; each must belong to the lead or a participating department. */
async function resolveItems(tx: Db, spec: TaskSpec, lead: string, keep: ReadonlyMap<string, number>) {
  const rows = (await currentItemVersions(tx, spec.itemIds)).map((r) => ({ ...r, dept: r.departmentCode }));
  const depts = new Set([lead, ...spec.participants]);
  const missing = spec.itemIds.filter((id) => !rows.some((r) => r.id === id));
  const foreign = rows.filter((r) => !depts.has(r.dept));
  if (missing.length > 0 || foreign.length > 0) {
    return err(
      domainError(
        'VALIDATION',
        '抽查事项须为发起部门或参与部门的现行事项',
        'items must be current items of the lead or a participating department',
        {
          details: { missing, foreign: foreign.map((f) => f.id) },
        },
      ),
    );
  }
  return ok(
    rows.map((r) => ({
      itemId: r.id,
      itemVersion: keep.get(r.id) ?? r.version,
      departmentCode: r.dept,
      priority: r.priority === 'key' ? ('key' as const) : ('general' as const),
      ratioCap: r.ratioCap,
    })),
  );
}

async function checkDepartments(tx: Db, codes: readonly string[]): Promise<Result<null, DomainError>> {
  if (codes.length === 0) {
    return ok(null);
  }
  const found = await existingDepartmentCodes(tx, codes);
  const missing = codes.filter((c) => !found.has(c));
  return missing.length === 0
    ? ok(null)
    : err(
        domainError(
          'VALIDATION',
          `没有这些部门：${missing.join('、')}`,
          `no such departments: ${missing.join(', ')}`,
          { details: { missing } },
        ),
      );
}

/** Check and save a task (new when `existing` is undefined). */
async function saveTask(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  planId: string,
  spec: TaskSpec,
  existing?: TaskFull,
): Promise<Result<TaskView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const plan = await editablePlan(tx, ctx.actor, planId);
    if (!plan.ok) {
      return plan;
    }
    const lead = plan.value.departmentCode;
    const checked = checkTaskSpec(spec, lead);
    if (!checked.ok) {
      return checked;
    }
    const depts = await checkDepartments(tx, spec.participants);
    if (!depts.ok) {
      return depts;
    }
    const keep = new Map((existing?.items ?? []).map((i) => [i.itemId, i.itemVersion]));
    const items = await resolveItems(tx, spec, lead, keep);
    if (!items.ok) {
      return items;
    }
    const frames = await estimateFrames(
      tx,
      spec.scope,
      spec.strata,
      plan.value.year,
      await yearlyCap(tx, lead),
      spec.tierSource,
    );
    const cap = checkRatioCap(
      items.value,
      spec.strata.map((s, i) => ({ name: s.name, ratio: s.ratio, frameSize: frames[i] ?? 0 })),
    );
    if (!cap.ok) {
      return cap;
    }
    const head = {
      title: spec.title,
      scope: spec.scope,
      strata: spec.strata,
      windowStart: spec.windowStart,
      windowEnd: spec.windowEnd,
      jurisdictionRule: spec.jurisdictionRule,
      crossRegion: spec.crossRegion,
      tierSource: spec.tierSource,
      quota: checked.value.quota,
      updatedAt: now,
    };
    const parts = items.value.map((i) => ({
      itemId: i.itemId,
      itemVersion: i.itemVersion,
      departmentCode: i.departmentCode,
    }));
    let id: string;
    if (existing === undefined) {
      id = await nextTaskId(tx, plan.value.year);
      await insertTask(
        tx,
        {
          id,
          planId,
          leadDepartmentCode: lead,
          ...head,
          status: 'planned',
          createdBy: ctx.actor.username,
          createdAt: now,
        },
        parts,
        spec.participants,
      );
    } else {
      id = existing.task.id;
      await updateTask(tx, id, head);
      await replaceTaskParts(tx, id, parts, spec.participants);
    }
    await audit(
      tx,
      ctx,
      {
        action: existing === undefined ? 'task.created' : 'task.updated',
        entityType: 'task',
        entityId: id,
        departmentCode: lead,
        ...(existing === undefined ? {} : { before: taskView(existing) }),
        after: { ...head, items: parts, participants: spec.participants },
      },
      now,
    );
    const saved = await findTask(tx, id);
    return saved === undefined ? err(notFound(id)) : ok(taskView(saved));
  });
}

/** Add a task to an editable plan of the actor's department. */
export async function createTask(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  planId: string,
  spec: TaskSpec,
): Promise<Result<TaskView, DomainError>> {
  return saveTask(deps, ctx, planId, spec);
}

async function undrawnTask(db: Db, actor: Actor, id: string): Promise<Result<TaskFull, DomainError>> {
  const t = await findTask(db, id);
  if (t === undefined) {
    return err(notFound(id));
  }
  if (!canWriteDepartment(actor, t.task.leadDepartmentCode)) {
    return err(forbiddenDepartment(t.task.leadDepartmentCode));
  }
  const live = (await drawsOfTask(db, id)).filter((d) => d.status !== 'abandoned');
  if (live.length > 0) {
    return err(
      domainError(
        'INVALID_STATE',
        '任务已冻结名单或已摇号，不能修改；如需变更请先作废该次摇号并说明理由',
        'the task has a frozen or committed draw: abandon it with a reason first',
        { details: { draw: live[0]?.id } },
      ),
    );
  }
  return ok(t);
}

/** Edit a task of an editable plan that has no live draw (a committed frame never changes). */
export async function editTask(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  spec: TaskSpec,
): Promise<Result<TaskView, DomainError>> {
  const t = await undrawnTask(deps.database.db, ctx.actor, id);
  return t.ok ? saveTask(deps, ctx, t.value.task.planId, spec, t.value) : t;
}

/** Delete a never-drawn task of an editable plan. */
export async function removeTask(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
): Promise<Result<{ deleted: string }, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const t = await undrawnTask(tx, ctx.actor, id);
    if (!t.ok) {
      return t;
    }
    if ((await drawsOfTask(tx, id)).length > 0) {
      return err(
        domainError(
          'INVALID_STATE',
          '任务有摇号记录，不能删除（摇号记录永不删除）',
          'the task has draws on record and cannot be deleted',
        ),
      );
    }
    const plan = await editablePlan(tx, ctx.actor, t.value.task.planId);
    if (!plan.ok) {
      return plan;
    }
    await deleteTask(tx, id);
    await audit(
      tx,
      ctx,
      {
        action: 'task.deleted',
        entityType: 'task',
        entityId: id,
        departmentCode: t.value.task.leadDepartmentCode,
        before: taskView(t.value),
      },
      now,
    );
    return ok({ deleted: id });
  });
}

/** A participating department accepts or declines a joint task (dept admin or leader of that department). */
export async function respondToTask(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  input: z.infer<typeof participationSchema>,
): Promise<Result<TaskView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const t = await findTask(tx, id, true);
    if (t === undefined) {
      return err(notFound(id));
    }
    const mine = t.participants.find((p) => p.departmentCode === ctx.actor.departmentCode);
    if (mine === undefined || !hasAnyRole(ctx.actor, ['dept_admin', 'leader'])) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有参与部门可以确认参加联合抽查',
          'only a participating department may answer',
          { details: { department: ctx.actor.departmentCode } },
        ),
      );
    }
    const status = input.accept ? 'accepted' : 'declined';
    if (mine.status === status) {
      return err(
        domainError('INVALID_STATE', '已经作出过相同的答复', 'the department has already given this answer'),
      );
    }
    if ((await drawsOfTask(tx, id)).some((d) => d.status !== 'abandoned')) {
      return err(
        domainError(
          'INVALID_STATE',
          '任务已冻结名单，不能更改答复',
          'the task is frozen: the answer cannot change',
        ),
      );
    }
    await setParticipation(tx, id, ctx.actor.departmentCode, {
      status,
      respondedBy: ctx.actor.username,
      respondedAt: now,
      comment: input.comment ?? null,
    });
    await audit(
      tx,
      ctx,
      {
        action: `task.${status}`,
        entityType: 'task',
        entityId: id,
        before: { status: mine.status },
        after: { status, comment: input.comment ?? null },
      },
      now,
    );
    const saved = await findTask(tx, id);
    return saved === undefined ? err(notFound(id)) : ok(taskView(saved));
  });
}
