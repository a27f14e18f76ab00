/**
 * After the draw: direct assignment (直接委派, spec §5 and §7 overrides) that adds inspectors or
 * experts to a drawn team with a written reason. Abandoning a draw is in abandon.service.ts.
 */
import {
  domainError,
  drawRecordSchema,
  err,
  isoDate,
  ok,
  POOL_EXCLUSION_LABELS,
  qualificationsSchema,
  teamMemberExclusion,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import { type Actor, type AuditContext, audit, type ServiceDeps } from '../platform';
import { findDraw, insertOverride, inspectionOf, setInspectionTeam, updateDraw } from './draw.repo';
import { findTask, drawSummary, type DrawSummary } from '../workflow';
import { inTransaction } from '../../db/tx';
import { writableDraw } from './draw.service';
import { findInspectorsByIds, activeRecusalsAgainst } from '../library';

export const overrideInputSchema = z.object({
  target: z.string().trim().min(1).max(100),
  /** Library ids: badge numbers of inspectors, library ids of experts. */
  inspectors: z.array(z.string().trim().min(1).max(60)).min(1).max(10),
  /** The public reason: published in the draw record (一公开). */
  reason: z.string().trim().min(4).max(1000),
  /** A staff-only reason (e.g. a personal circumstance such as sick leave); never published. */
  internalReason: z.string().trim().max(1000).optional(),
});

type Ctx = AuditContext & { actor: Actor };

/** Add people to a drawn team with a reason (直接委派); recorded in the record's overrides and the inspection. */
export async function overrideTeam(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof overrideInputSchema>,
): Promise<Result<DrawSummary, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    const w = await writableDraw(tx, ctx.actor, id);
    if (!w.ok) {
      return w;
    }
    const d = w.value.draw;
    if (d.status !== 'drawn' || d.record === null) {
      return err(
        domainError(
          'INVALID_STATE',
          '只有已摇号的摇号可以直接委派',
          'only a drawn draw takes direct assignments',
        ),
      );
    }
    const record = drawRecordSchema.parse(d.record);
    if (!record.selected.some((s) => s.id === input.target)) {
      return err(
        domainError(
          'VALIDATION',
          `${input.target} 不是本次摇号的入选对象`,
          `${input.target} was not selected in this draw`,
        ),
      );
    }
    const inspection = await inspectionOf(tx, id, input.target);
    if (inspection === undefined || !['assigned', 'in_progress'].includes(inspection.status)) {
      return err(
        domainError(
          'INVALID_STATE',
          '该检查已提交或已取消，不能再委派',
          'the inspection is submitted or cancelled: no more assignments',
        ),
      );
    }
    const found = [...(await findInspectorsByIds(tx, input.inspectors)).values()];
    const ids = input.inspectors.map((x) => {
      const row = found.find((f) => f.id === x);
      return { input: x, row, id: row === undefined ? x : row.expert ? row.id : (row.badgeNo ?? row.id) };
    });
    const unknown = ids.filter((x) => x.row === undefined || !x.row.active).map((x) => x.input);
    if (unknown.length > 0) {
      return err(
        domainError(
          'VALIDATION',
          `人员库中没有这些在岗人员：${unknown.join('、')}`,
          `no such active people in the library: ${unknown.join(', ')}`,
          { details: { unknown } },
        ),
      );
    }
    const task = await findTask(tx, d.taskId);
    if (task !== undefined) {
      // 行政处罚法 art. 42: a direct assignment may not bring back an officer the pool rule left out
      const window = { start: isoDate(task.task.windowStart), end: isoDate(task.task.windowEnd) };
      const refused = ids.flatMap((x) => {
        if (x.row === undefined) {
          return [];
        }
        const quals = qualificationsSchema.safeParse(x.row.qualifications);
        const why = teamMemberExclusion(
          { ...x.row, qualifications: quals.success ? quals.data : [] },
          window,
        );
        return why === null ? [] : [{ id: x.id, name: x.row.name, code: why.code, expiresOn: why.expiresOn }];
      });
      if (refused.length > 0) {
        const text = (lang: 'zh' | 'en') =>
          refused
            .map(
              (r) =>
                `${r.name}（${r.id}）${POOL_EXCLUSION_LABELS[r.code][lang]}${r.expiresOn === null ? '' : ` ${r.expiresOn}`}`,
            )
            .join(lang === 'zh' ? '；' : '; ');
        return err(
          domainError('VALIDATION', `不能委派：${text('zh')}`, `cannot assign: ${text('en')}`, {
            details: { refused },
          }),
        );
      }
    }
    const already = ids.filter((x) => inspection.inspectors.includes(x.id)).map((x) => x.id);
    if (already.length > 0 || new Set(ids.map((x) => x.id)).size !== ids.length) {
      return err(
        domainError(
          'VALIDATION',
          `已在检查组中：${already.join('、')}`,
          `already on the team: ${already.join(', ')}`,
        ),
      );
    }
    const conflicts = await activeRecusalsAgainst(tx, input.target, input.inspectors);
    if (conflicts.length > 0) {
      return err(
        domainError(
          'VALIDATION',
          `这些人员已申报回避：${conflicts.map((c) => c.inspectorId).join('、')}`,
          `these people declared a recusal for the target: ${conflicts.map((c) => c.inspectorId).join(', ')}`,
        ),
      );
    }
    const at = new Date(Math.max(now.getTime(), d.drawnAt?.getTime() ?? 0));
    const override = {
      target: input.target,
      inspectors: ids.map((x) => x.id),
      reason: input.reason,
      by: ctx.actor.username,
      at: at.toISOString(),
    };
    const internalReason = (input.internalReason ?? '') === '' ? null : (input.internalReason ?? null);
    await insertOverride(tx, {
      drawId: id,
      targetId: input.target,
      inspectors: override.inspectors,
      reason: input.reason,
      internalReason,
      by: ctx.actor.username,
      at,
    });
    await updateDraw(tx, id, { record: { ...record, overrides: [...record.overrides, override] } });
    await setInspectionTeam(tx, inspection.id, [...inspection.inspectors, ...override.inspectors], now);
    await audit(
      tx,
      ctx,
      {
        action: 'draw.override',
        entityType: 'draw',
        entityId: id,
        departmentCode: w.value.lead,
        after: { ...override, internalReason },
      },
      now,
    );
    const saved = await findDraw(tx, id);
    return saved === undefined
      ? err(domainError('NOT_FOUND', '摇号不存在', 'no such draw'))
      : ok(drawSummary(saved));
  });
}
