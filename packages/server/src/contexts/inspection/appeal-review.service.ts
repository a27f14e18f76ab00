/**
 * The staff side of objections and credit repair (issue 16 part 2): the queue of the visits a
 * department handles (oversight roles see all), one appeal with the result it is about, its
 * files and the target's earlier appeals, and the reviewing leader's decision: upheld,
 * corrected (the items' results change, before and after kept) or withdrawn for an objection;
 * approved from a date, or rejected, for a credit repair. Each decision is one audited transaction.
 */
import {
  appealDecisionInputSchema,
  appealKindSchema,
  appealStatusSchema,
  checkAppealDecision,
  domainError,
  err,
  ok,
  resultCategorySchema,
  type AppealDecisionInput,
  type AppealKind,
  type AppealStatus,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { inTransaction } from '../../db/tx';
import { type Actor, type AuditContext, audit, chinaToday, hasAnyRole, type ServiceDeps } from '../platform';
import {
  attachmentsOf,
  correctResult,
  findAppeal,
  findAttachment,
  listAppeals,
  lockAppeal,
  setDecision,
  type AppealRow,
} from './appeal.repo';
import { appealSummarySchema, storedCorrectionSchema, summaryOf } from './appeal-view';
import { accessInspection, type InspectionAccess } from './inspection-access';
import { findTargetRow, listResults } from './inspection.repo';
import { loadVisitItems } from './inspection-view';

export const appealListItemSchema = appealSummarySchema.extend({
  inspectionId: z.uuid(),
  targetId: z.string(),
  targetName: z.string(),
  uscc: z.string().nullable(),
  taskId: z.string(),
  taskTitle: z.string(),
  leadDepartmentCode: z.string(),
  assignedTo: z.string().nullable(),
  dueProvisional: z.boolean(),
  /** Pending past its deadline (China date). */
  overdue: z.boolean(),
});
export type AppealListItem = z.infer<typeof appealListItemSchema>;

export const appealListQuerySchema = z.object({
  status: appealStatusSchema.optional(),
  kind: appealKindSchema.optional(),
  targetId: z.string().max(64).optional(),
  /** Only those assigned to the caller (the leader who reviewed the result). */
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const appealDetailSchema = appealListItemSchema.extend({
  text: z.string(),
  contact: z.string(),
  decidedBy: z.string().nullable(),
  attachments: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), mime: z.string(), bytes: z.number(), sha256: z.string() }),
  ),
  results: z.array(
    z.object({
      itemId: z.uuid(),
      itemName: z.string(),
      departmentCode: z.string(),
      category: resultCategorySchema.nullable(),
      categoryNote: z.string().nullable(),
    }),
  ),
  corrections: z.array(storedCorrectionSchema),
  /** Every appeal on the same business, this one included, newest first (staff keep the history). */
  history: z.array(appealListItemSchema),
  canDecide: z.boolean(),
});
export type AppealDetail = z.infer<typeof appealDetailSchema>;

type ListRow = Awaited<ReturnType<typeof listAppeals>>['rows'][number];

function itemOf(r: ListRow, today: string): AppealListItem {
  const a = r.appeal;
  return {
    ...summaryOf(a),
    inspectionId: a.inspectionId,
    targetId: a.targetId,
    targetName: r.targetName,
    uscc: r.uscc,
    taskId: r.taskId,
    taskTitle: r.taskTitle,
    leadDepartmentCode: r.leadDepartmentCode,
    assignedTo: a.assignedTo,
    dueProvisional: a.dueProvisional,
    overdue: a.status === 'pending' && a.dueOn < today,
  };
}

/** Who sees which appeals: oversight roles all, other staff those of the visits their department handles. */
function scopeOf(actor: Actor): readonly string[] | null {
  return hasAnyRole(actor, ['system_admin', 'auditor']) ? null : [actor.departmentCode];
}

/** A page of the queue: pending by deadline first, then decided newest first. */
export async function listAppealQueue(
  deps: ServiceDeps,
  actor: Actor,
  q: z.infer<typeof appealListQuerySchema>,
): Promise<Result<{ items: AppealListItem[]; total: number }, DomainError>> {
  const today = chinaToday(deps.clock());
  const r = await listAppeals(
    deps.database.db,
    {
      departments: scopeOf(actor),
      status: q.status,
      kind: q.kind,
      targetId: q.targetId,
      ...(q.mine === 'true' ? { assignedTo: actor.username } : {}),
      ...(q.overdue === 'true' ? { overdueOn: today } : {}),
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return ok({ items: r.rows.map((row) => itemOf(row, today)), total: r.total });
}

const notFound = (id: string) =>
  domainError(
    'NOT_FOUND',
    `异议或信用修复申请不存在：${id}`,
    `no such objection or repair application: ${id}`,
  );

/** The appeal and the actor's access to its visit; 404 when the actor may not read the visit. */
async function accessAppeal(
  db: Db,
  actor: Actor,
  id: string,
  row?: AppealRow,
): Promise<Result<{ appeal: AppealRow; access: InspectionAccess }, DomainError>> {
  const appeal = row ?? (await findAppeal(db, id));
  if (appeal === undefined) {
    return err(notFound(id));
  }
  const access = await accessInspection(db, actor, appeal.inspectionId);
  return access.ok ? ok({ appeal, access: access.value }) : err(notFound(id));
}

async function detailOf(
  db: Db,
  actor: Actor,
  a: AppealRow,
  access: InspectionAccess,
  now: Date,
): Promise<AppealDetail> {
  const today = chinaToday(now);
  // `db` may be a transaction's one connection: one query at a time
  const files = await attachmentsOf(db, a.id);
  const results = await listResults(db, a.inspectionId);
  const items = await loadVisitItems(db, access.task.id);
  const target = await findTargetRow(db, a.targetId);
  const history = await listAppeals(
    db,
    { departments: scopeOf(actor), targetId: a.targetId },
    { offset: 0, limit: 100 },
  );
  const nameOf = (itemId: string) => items.find((i) => i.itemId === itemId)?.name ?? '';
  const task = access.task;
  return {
    ...itemOf(
      {
        appeal: a,
        targetName: target?.name ?? '',
        uscc: target?.uscc ?? null,
        taskId: task.id,
        taskTitle: task.title,
        leadDepartmentCode: task.leadDepartmentCode,
      },
      today,
    ),
    text: a.text,
    contact: a.contact,
    decidedBy: a.decidedBy,
    attachments: files,
    results: results.map((r) => ({
      itemId: r.itemId,
      itemName: nameOf(r.itemId),
      departmentCode: r.departmentCode,
      category: resultCategorySchema.safeParse(r.category).data ?? null,
      categoryNote: r.categoryNote,
    })),
    corrections: z.array(storedCorrectionSchema).catch([]).parse(a.corrections),
    history: history.rows.map((row) => itemOf(row, today)).sort((x, y) => y.filedAt.localeCompare(x.filedAt)),
    canDecide: access.canReview && a.status === 'pending',
  };
}

/** One appeal with its result, files and the business's appeal history. */
export async function getAppeal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<Result<AppealDetail, DomainError>> {
  const db = deps.database.db;
  const r = await accessAppeal(db, actor, id);
  return r.ok ? ok(await detailOf(db, actor, r.value.appeal, r.value.access, deps.clock())) : r;
}

/** An attachment's bytes, for staff who may read the visit. */
export async function getAppealAttachment(deps: ServiceDeps, actor: Actor, id: string, fileId: string) {
  const db = deps.database.db;
  const r = await accessAppeal(db, actor, id);
  const file = r.ok ? await findAttachment(db, id, fileId) : undefined;
  if (!r.ok || file === undefined) {
    return err(domainError('NOT_FOUND', '附件不存在', 'no such attachment'));
  }
  return ok({ mime: file.mime, fileName: file.fileName, data: Buffer.from(file.data, 'base64') });
}

/** The reviewing leader decides: checked by core, applied and audited in one transaction. */
export async function decideAppeal(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  id: string,
  input: AppealDecisionInput,
): Promise<Result<AppealDetail, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const locked = await lockAppeal(tx, id);
    const r = await accessAppeal(tx, ctx.actor, id, locked);
    if (!r.ok) {
      return r;
    }
    const { appeal, access } = r.value;
    if (!access.canReview) {
      return err(
        domainError(
          'FORBIDDEN',
          '只有检查任务部门的领导可以处理异议和信用修复申请',
          'only a leader of a task department decides objections and repair applications',
        ),
      );
    }
    const results = await listResults(tx, appeal.inspectionId);
    const check = checkAppealDecision(
      { kind: appeal.kind as AppealKind, status: appeal.status as AppealStatus },
      input,
      new Set(results.map((x) => x.itemId)),
    );
    if (!check.ok) {
      return check;
    }
    const items = input.corrections.length === 0 ? [] : await loadVisitItems(tx, access.task.id);
    const corrections = input.corrections.map((c) => ({
      itemId: c.itemId,
      itemName: items.find((i) => i.itemId === c.itemId)?.name ?? '',
      before: results.find((x) => x.itemId === c.itemId)?.category ?? '',
      after: c.category,
      note: c.note,
    }));
    for (const c of input.corrections) {
      await correctResult(tx, appeal.inspectionId, { ...c, by: ctx.actor.username, at: now });
    }
    const row = await setDecision(tx, id, {
      status: input.decision,
      decidedAt: now,
      decidedBy: ctx.actor.username,
      reason: input.reason,
      corrections,
      effectiveFrom: input.effectiveFrom,
    });
    await audit(
      tx,
      ctx,
      {
        action: `appeal.${input.decision}`,
        entityType: 'result_appeal',
        entityId: id,
        departmentCode: access.task.leadDepartmentCode,
        before: { status: appeal.status },
        after: { status: row.status, reason: input.reason, corrections, effectiveFrom: input.effectiveFrom },
      },
      now,
    );
    return ok(await detailOf(tx, ctx.actor, row, access, now));
  });
}

export { appealDecisionInputSchema };
