/**
 * Joint-task suggestions and proposals (部门联合抽查, issue 6). Suggestions: planned tasks of
 * different departments with overlapping windows whose scopes hit the same targets (pairs from
 * core, common targets and frames counted in SQL), with the visits a merger would save. Proposing
 * a merger is audited; the answers and the joint task are in joint-task.service.
 */
import {
  domainError,
  err,
  mergerSavings,
  ok,
  overlapCandidates,
  parseRatio,
  sampleSize,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { hasAnyRole, type Actor, type AuditContext, audit, type ServiceDeps } from '../platform';
import type { Db } from '../../db/client';
import { drawsOfTask } from '../draw';
import { estimateFrames, findTask, listTasks, taskView, type TaskView, yearlyCap } from '../workflow';
import {
  commonTargetCount,
  findProposal,
  insertProposal,
  openProposalsCovering,
  openProposalsOfYear,
  proposalsOfYear,
  type ProposalRow,
} from './joint-proposal.repo';
import { inTransaction } from '../../db/tx';

const MAX_PAIRS = 100;
const OVERSIGHT: Parameters<typeof hasAnyRole>[1] = ['system_admin', 'auditor', 'leader'];

const estimateSchema = z.object({
  alone: z.number(),
  merged: z.number(),
  saved: z.number(),
  commonTargets: z.number(),
});
export const suggestionSchema = z.object({
  taskIds: z.tuple([z.string(), z.string()]),
  titles: z.tuple([z.string(), z.string()]),
  departments: z.array(z.string()),
  windowStart: z.string(),
  windowEnd: z.string(),
  estimate: estimateSchema,
  proposalId: z.string().nullable(),
});
export const proposalSchema = z.object({
  id: z.string(),
  year: z.number(),
  taskIds: z.array(z.string()),
  /** The merged tasks' titles, in taskIds order. */
  titles: z.array(z.string()),
  departments: z.array(z.string()),
  responses: z.record(
    z.string(),
    z.object({ accept: z.boolean(), by: z.string(), at: z.string(), comment: z.string().nullable() }),
  ),
  estimate: estimateSchema,
  status: z.enum(['open', 'accepted', 'declined']),
  jointTaskId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type JointProposal = z.infer<typeof proposalSchema>;
export const proposeSchema = z.object({
  taskIds: z.tuple([z.string().min(1).max(40), z.string().min(1).max(40)]),
});
export const respondSchema = z.object({
  accept: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});

export function proposalView(r: ProposalRow): JointProposal {
  return proposalSchema.parse({
    id: r.id,
    year: r.year,
    taskIds: r.task_ids,
    titles: r.titles,
    departments: r.departments,
    responses: r.responses,
    estimate: r.estimate,
    status: r.status,
    jointTaskId: r.joint_task_id,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  });
}

/** A task's frames and sample sizes as a draw now would estimate them. */
async function taskSize(
  db: Db,
  t: TaskView,
  year: number,
  cap: number,
): Promise<{ frame: number; sample: number }> {
  const frames = await estimateFrames(db, t.scope, t.strata, year, cap, t.tierSource);
  let sample = 0;
  t.strata.forEach((s, i) => {
    const r = parseRatio(s.ratio);
    sample += r.ok ? sampleSize(frames[i] ?? 0, r.value, s.min, s.max) : 0;
  });
  return { frame: frames.reduce((a, f) => a + f, 0), sample };
}

/** Suggested mergers for a year: planned tasks of different departments hitting the same targets in overlapping windows. */
export async function jointSuggestions(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
): Promise<z.infer<typeof suggestionSchema>[]> {
  const db = deps.database.db;
  const all = hasAnyRole(actor, OVERSIGHT);
  const tasks = (await listTasks(db, { year })).map(taskView).filter((t) => t.status === 'planned');
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const open = await openProposalsOfYear(db, year);
  const pairs = overlapCandidates(
    tasks.map((t) => ({
      id: t.id,
      title: t.title,
      lead: t.leadDepartmentCode,
      participants: t.participants.map((p) => p.departmentCode),
      windowStart: t.windowStart,
      windowEnd: t.windowEnd,
    })),
  );
  const cap = await yearlyCap(db, actor.departmentCode);
  const out: z.infer<typeof suggestionSchema>[] = [];
  for (const [a, b] of pairs.slice(0, MAX_PAIRS)) {
    const ta = byId.get(a.id);
    const tb = byId.get(b.id);
    const departments = [a.lead, ...a.participants, b.lead, ...b.participants];
    if (ta === undefined || tb === undefined || (!all && !departments.includes(actor.departmentCode))) {
      continue;
    }
    const shared = await commonTargetCount(db, ta.scope, tb.scope);
    if (shared === 0) {
      continue;
    }
    const [sa, sb] = [await taskSize(db, ta, year, cap), await taskSize(db, tb, year, cap)];
    const est = mergerSavings({
      frameA: sa.frame,
      sampleA: sa.sample,
      frameB: sb.frame,
      sampleB: sb.sample,
      shared,
    });
    const proposal = open.find((p) => p.task_ids.includes(a.id) && p.task_ids.includes(b.id));
    out.push({
      taskIds: [a.id, b.id],
      titles: [a.title, b.title],
      departments: [...new Set(departments)],
      windowStart: a.windowStart > b.windowStart ? a.windowStart : b.windowStart,
      windowEnd: a.windowEnd < b.windowEnd ? a.windowEnd : b.windowEnd,
      estimate: { ...est, commonTargets: shared },
      proposalId: proposal?.id ?? null,
    });
  }
  return out.sort((x, y) => y.estimate.saved - x.estimate.saved);
}

/** Proposals of a year the actor takes part in (all for oversight). */
export async function listProposals(deps: ServiceDeps, actor: Actor, year: number): Promise<JointProposal[]> {
  const department = hasAnyRole(actor, OVERSIGHT) ? null : actor.departmentCode;
  return (await proposalsOfYear(deps.database.db, year, department)).map(proposalView);
}

export const planned = async (db: Db, id: string): Promise<Result<TaskView, DomainError>> => {
  const t = await findTask(db, id, true);
  if (t === undefined) {
    return err(domainError('NOT_FOUND', `没有这个任务：${id}`, `no such task: ${id}`));
  }
  const live = (await drawsOfTask(db, id)).filter((d) => d.status !== 'abandoned');
  if (t.task.status !== 'planned' || live.length > 0) {
    return err(
      domainError(
        'INVALID_STATE',
        `任务 ${id} 已开始摇号或已合并，不能再合并`,
        `task ${id} is already drawing or merged`,
        { details: { task: id, status: t.task.status } },
      ),
    );
  }
  return ok(taskView(t));
};

/** Propose merging two tasks; the proposer's department accepts by proposing. */
export async function proposeJoint(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  input: z.infer<typeof proposeSchema>,
): Promise<Result<JointProposal, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const [a, b] = [await planned(tx, input.taskIds[0]), await planned(tx, input.taskIds[1])];
    if (!a.ok) {
      return a;
    }
    if (!b.ok) {
      return b;
    }
    const departments = [...new Set([a.value.leadDepartmentCode, b.value.leadDepartmentCode])];
    if (departments.length < 2) {
      return err(
        domainError(
          'VALIDATION',
          '只能合并不同部门的任务',
          'only tasks of different departments can be merged',
        ),
      );
    }
    const isSystem = ctx.actor.roles.includes('system_admin');
    if (
      !isSystem &&
      !(ctx.actor.roles.includes('dept_admin') && departments.includes(ctx.actor.departmentCode))
    ) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有相关部门的管理员可以发起合并',
          'only an admin of a department involved may propose the merger',
        ),
      );
    }
    const dup = await openProposalsCovering(tx, a.value.id, b.value.id);
    if (dup.length > 0) {
      return err(
        domainError(
          'CONFLICT',
          '这两个任务已有待确认的合并提议',
          'an open proposal already covers these tasks',
          { details: { proposal: dup[0]?.id } },
        ),
      );
    }
    const year = a.value.planYear;
    const cap = await yearlyCap(tx, a.value.leadDepartmentCode);
    const common = await commonTargetCount(tx, a.value.scope, b.value.scope);
    const [sa, sb] = [await taskSize(tx, a.value, year, cap), await taskSize(tx, b.value, year, cap)];
    const estimate = {
      ...mergerSavings({
        frameA: sa.frame,
        sampleA: sa.sample,
        frameB: sb.frame,
        sampleB: sb.sample,
        shared: common,
      }),
      commonTargets: common,
    };
    const responses = isSystem
      ? {}
      : {
          [ctx.actor.departmentCode]: {
            accept: true,
            by: ctx.actor.username,
            at: now.toISOString(),
            comment: null,
          },
        };
    const id = await insertProposal(tx, {
      year,
      taskIds: [a.value.id, b.value.id],
      departments,
      responses,
      estimate,
      createdBy: ctx.actor.username,
      createdAt: now,
    });
    await audit(
      tx,
      ctx,
      {
        action: 'joint.propose',
        entityType: 'joint_proposal',
        entityId: id,
        after: { taskIds: [a.value.id, b.value.id], departments, estimate },
      },
      now,
    );
    const saved = await findProposal(tx, id);
    return saved === undefined
      ? err(domainError('NOT_FOUND', '提议不存在', 'no such proposal'))
      : ok(proposalView(saved));
  });
}
