/**
 * Annual plans (年度抽查计划): create, edit, and the flow draft → submitted → approved (a leader
 * of the department) → published, with return-with-comment and revisions of a published plan
 * (reason + snapshot, visible on the portal). Every step is audited in its transaction.
 */
import {
  domainError,
  err,
  LOG_SPEC,
  nextPlanStatus,
  ok,
  planEditable,
  planStatusSchema,
  type DomainError,
  type PlanAction,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import {
  canReadDepartment,
  canWriteDepartment,
  forbiddenDepartment,
  hasAnyRole,
  type Actor,
  type AuditContext,
  findDepartment,
  appendLogEntry,
  audit,
  type ServiceDeps,
} from '../platform';
import {
  findPlan,
  insertPlan,
  insertRevision,
  listPlans,
  listRevisions,
  updatePlan,
  type PlanRow,
} from './plan.repo';
import { estimateFrames } from './frame-estimate.repo';
import { listTasks } from './task.repo';
import { yearlyCap } from './workflow-settings';
import { inTransaction } from '../../db/tx';
import type { Db } from '../../db/client';
import { planView, revisionView, taskView, type PlanView, type TaskView } from './workflow-views';

export const newPlanSchema = z.object({
  year: z.int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
});

export const planActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit') }),
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('return'), comment: z.string().trim().min(1).max(1000) }),
  z.object({ action: z.literal('publish') }),
  z.object({ action: z.literal('revise'), reason: z.string().trim().min(2).max(1000) }),
]);
export type PlanActionInput = z.infer<typeof planActionSchema>;

const PAST: Readonly<Record<PlanAction, string>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  publish: 'published',
  revise: 'revised',
};

const notFound = (id: string): DomainError =>
  domainError('NOT_FOUND', `没有这个计划：${id}`, `no such plan: ${id}`);

/** Who sees everything: oversight roles and leaders (city-wide view). */
export function seesAllPlans(actor: Actor): boolean {
  return hasAnyRole(actor, ['system_admin', 'auditor']);
}

/** Plans the actor may see: own department's and plans with a task it joins; everything for oversight. */
export async function listPlansFor(deps: ServiceDeps, actor: Actor, year?: number): Promise<PlanView[]> {
  const rows = await listPlans(deps.database.db, {
    ...(year === undefined ? {} : { year }),
    ...(seesAllPlans(actor) ? {} : { visibleTo: [actor.departmentCode] }),
  });
  return rows.map(planView);
}

async function viewOf(db: Db, id: string): Promise<PlanView | undefined> {
  const plan = await findPlan(db, id);
  if (plan === undefined) {
    return undefined;
  }
  const dept = await findDepartment(db, plan.departmentCode);
  const tasks = await listTasks(db, { planId: id });
  return planView({ plan, departmentName: dept?.name ?? plan.departmentCode, taskCount: tasks.length });
}

/** A plan with its tasks and revisions, when the actor may read it. */
export async function getPlanDetail(deps: ServiceDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const plan = await findPlan(db, id);
  if (plan === undefined) {
    return err(notFound(id));
  }
  const tasks = await listTasks(db, { planId: id });
  const joined = tasks.flatMap((t) => t.participants.map((p) => p.departmentCode));
  if (!canReadDepartment(actor, plan.departmentCode, joined) && !hasAnyRole(actor, ['leader'])) {
    return err(forbiddenDepartment(plan.departmentCode));
  }
  const view = await viewOf(db, id);
  if (view === undefined) {
    return err(notFound(id));
  }
  const views = tasks.map(taskView);
  return ok({
    plan: view,
    tasks: views,
    /** Each task's frame estimated now, for the approving leader as for the admin. */
    frames: await taskFrames(db, plan.departmentCode, plan.year, views),
    revisions: (await listRevisions(db, id)).map(revisionView),
  });
}

/** Create a draft plan for the actor's department. */
export async function createPlan(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  input: z.infer<typeof newPlanSchema>,
): Promise<Result<PlanView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const plan = await insertPlan(tx, {
      departmentCode: ctx.actor.departmentCode,
      year: input.year,
      title: input.title,
      status: 'draft',
      createdBy: ctx.actor.username,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'plan.created',
        entityType: 'plan',
        entityId: plan.id,
        departmentCode: plan.departmentCode,
        after: input,
      },
      now,
    );
    const v = await viewOf(tx, plan.id);
    return v === undefined ? err(notFound(plan.id)) : ok(v);
  });
}

/** Load a plan for writing: locked, the actor's department, and editable. */
export async function editablePlan(tx: Db, actor: Actor, id: string): Promise<Result<PlanRow, DomainError>> {
  const plan = await findPlan(tx, id, true);
  if (plan === undefined) {
    return err(notFound(id));
  }
  if (!canWriteDepartment(actor, plan.departmentCode)) {
    return err(forbiddenDepartment(plan.departmentCode));
  }
  const status = planStatusSchema.parse(plan.status);
  if (!planEditable(status)) {
    return err(
      domainError(
        'INVALID_STATE',
        '计划已提交或已公示，不能直接修改；已公示的计划请先发起修订并说明理由',
        'the plan is submitted or published: a published plan changes only through a revision with a reason',
        {
          details: { status },
        },
      ),
    );
  }
  return ok(plan);
}

/** Rename a draft (or revising) plan. */
export async function updatePlanTitle(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  title: string,
): Promise<Result<PlanView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const plan = await editablePlan(tx, ctx.actor, id);
    if (!plan.ok) {
      return plan;
    }
    await updatePlan(tx, id, { title, updatedAt: now });
    await audit(
      tx,
      ctx,
      {
        action: 'plan.updated',
        entityType: 'plan',
        entityId: id,
        departmentCode: plan.value.departmentCode,
        before: { title: plan.value.title },
        after: { title },
      },
      now,
    );
    const v = await viewOf(tx, id);
    return v === undefined ? err(notFound(id)) : ok(v);
  });
}

function mayAct(actor: Actor, plan: PlanRow, action: PlanAction): boolean {
  const own = actor.departmentCode === plan.departmentCode;
  switch (action) {
    case 'submit':
    case 'revise':
      return (
        canWriteDepartment(actor, plan.departmentCode) && hasAnyRole(actor, ['dept_admin', 'system_admin'])
      );
    case 'approve':
    case 'return':
      // a leader of the plan's own department approves (分管领导审批)
      return own && hasAnyRole(actor, ['leader']);
    case 'publish':
      return own && hasAnyRole(actor, ['leader', 'dept_admin']);
  }
}

/** Apply a flow step; a repeated step (double submit) fails with INVALID_STATE and changes nothing. */
export async function transitionPlan(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  input: PlanActionInput,
): Promise<Result<PlanView, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const plan = await findPlan(tx, id, true);
    if (plan === undefined) {
      return err(notFound(id));
    }
    if (!mayAct(ctx.actor, plan, input.action)) {
      return err(
        domainError(
          'FORBIDDEN',
          '无权对该计划执行此操作（审批须由本部门分管领导进行）',
          'you may not do this to the plan (a leader of its department approves)',
          {
            details: { department: plan.departmentCode, action: input.action },
          },
        ),
      );
    }
    const status = planStatusSchema.parse(plan.status);
    const next = nextPlanStatus(status, input.action, plan.revision);
    if (!next.ok) {
      return next;
    }
    const tasks = await listTasks(tx, { planId: id });
    if (input.action === 'submit' && tasks.length === 0) {
      return err(domainError('VALIDATION', '计划中还没有抽查任务', 'the plan has no task yet'));
    }
    if (input.action === 'submit') {
      const views = tasks.map(taskView);
      const frames = await taskFrames(tx, plan.departmentCode, plan.year, views);
      const empty = views.filter((t) => frames[t.id] === 0).map((t) => ({ id: t.id, title: t.title }));
      if (empty.length > 0) {
        const titles = empty.map((t) => `「${t.title}」`).join('、');
        return err(
          domainError(
            'VALIDATION',
            `任务${titles}的抽查范围内没有检查对象（名录 0 户），请调整抽查范围后再提交`,
            `task(s) ${empty.map((t) => t.id).join(', ')} have no target in scope (a frame of 0): change the scope before submitting`,
            { details: { tasks: empty } },
          ),
        );
      }
    }
    const patch: Parameters<typeof updatePlan>[2] = { status: next.value, updatedAt: now };
    switch (input.action) {
      case 'submit':
        Object.assign(patch, { submittedAt: now, submittedBy: ctx.actor.username, returnComment: null });
        break;
      case 'approve':
        Object.assign(patch, { approvedAt: now, approvedBy: ctx.actor.username });
        break;
      case 'return':
        Object.assign(patch, { returnComment: input.comment });
        break;
      case 'publish':
        Object.assign(patch, { publishedAt: now });
        break;
      case 'revise': {
        const revision = plan.revision + 1;
        const snapshot = {
          title: plan.title,
          year: plan.year,
          publishedAt: plan.publishedAt?.toISOString() ?? null,
          revision: plan.revision,
          tasks: tasks.map(taskView),
        };
        await insertRevision(tx, {
          planId: id,
          revision,
          reason: input.reason,
          snapshot,
          createdBy: ctx.actor.username,
          createdAt: now,
        });
        Object.assign(patch, { revision, approvedAt: null, approvedBy: null });
        break;
      }
    }
    await updatePlan(tx, id, patch);
    const detail =
      input.action === 'return'
        ? { comment: input.comment }
        : input.action === 'revise'
          ? { reason: input.reason }
          : {};
    await audit(
      tx,
      ctx,
      {
        action: `plan.${PAST[input.action]}`,
        entityType: 'plan',
        entityId: id,
        departmentCode: plan.departmentCode,
        before: { status },
        after: { status: next.value, ...detail },
      },
      now,
    );
    if (input.action === 'publish') {
      // ssj-log/1 §3.6: a plan made public
      const logged = { log: LOG_SPEC, kind: 'plan', at: now.toISOString(), planId: id } as const;
      await appendLogEntry(tx, { ...logged, departmentCode: plan.departmentCode, year: plan.year }, now);
    }
    const v = await viewOf(tx, id);
    return v === undefined ? err(notFound(id)) : ok(v);
  });
}

/** Each task's frame as a draw now would estimate it (in scope, 在营, under the yearly cap); merged tasks are left out. */
async function taskFrames(
  db: Db,
  departmentCode: string,
  year: number,
  tasks: readonly TaskView[],
): Promise<Record<string, number>> {
  const cap = await yearlyCap(db, departmentCode);
  const frames: Record<string, number> = {};
  for (const t of tasks.filter((x) => x.status !== 'merged')) {
    const strata = await estimateFrames(db, t.scope, t.strata, year, cap, t.tierSource);
    frames[t.id] = strata.reduce((a, f) => a + f, 0);
  }
  return frames;
}
