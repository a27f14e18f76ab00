/**
 * Freeze (spec §1 step 1, §4–5): compute each stratum's frame with its exclusions
 * (DEREGISTERED, CAP_REACHED across all departments, MANUAL; OUT_OF_SCOPE for manual entries
 * outside the scope), the inspector pool with fallbacks, and the pair exclusions (recusal,
 * rotation) — all in one transaction, set-based in SQL. Nothing random happens here.
 */
import {
  checkRatioCap,
  domainError,
  err,
  isoDate,
  officerPoolExclusion,
  ok,
  pairExclusionsDigest,
  parseRatio,
  planDrawable,
  planStatusSchema,
  poolDigest,
  sampleSize,
  qualificationsSchema,
  tierSourceSchema,
  type DomainError,
  type Result,
  type TaskWindow,
  chinaYear,
} from '@openssj/core';
import { z } from 'zod';
import {
  canWriteDepartment,
  forbiddenDepartment,
  type Actor,
  type AuditContext,
  audit,
  type ServiceDeps,
} from '../platform';
import type { Db } from '../../db/client';
import { drawsOfTask, findDraw, insertDraw, supersedable, updateDraw } from './draw.repo';
import {
  exclusionCounts,
  freezePairs,
  freezeStratum,
  loadPairs,
  loadPool,
  pairCounts,
  recordOutOfScope,
  targetsWithoutUnit,
  type FrameQuery,
} from './frame.repo';
import { scanStratum } from './frame-scan';
import { trackDraw, type ProgressTracker } from './draw-progress';
import {
  insertPool,
  insertPoolExclusions,
  poolCandidates,
  type PoolExclusionRow,
  type PoolQuery,
  type PoolRow,
} from './pool.repo';
import {
  findTask,
  updateTask,
  adjacentRegions,
  yearlyCap,
  drawSummary,
  parseTaskJson,
  type DrawSummary,
} from '../workflow';
import { inTransaction } from '../../db/tx';

export const freezeInputSchema = z.object({
  manualExclusions: z
    .array(
      z.object({ targetId: z.string().trim().min(1).max(100), reason: z.string().trim().min(2).max(500) }),
    )
    .max(10_000)
    .default([]),
});
export type FreezeInput = z.infer<typeof freezeInputSchema>;

/** The record's frame-exclusion codes (spec §4); OUT_OF_SCOPE stays in the audit trail only. */
const RECORD_CODES = new Set(['CAP_REACHED', 'DEREGISTERED', 'MANUAL']);

/** Freeze a new draw of a task: frames, pool and pair exclusions; one live draw per task. */
export async function freezeDraw(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  taskId: string,
  input: FreezeInput,
): Promise<Result<DrawSummary, DomainError>> {
  const now = deps.clock();
  let progress: ProgressTracker | undefined;
  return inTransaction(deps.database.db, async (tx) => {
    const t = await findTask(tx, taskId, true); // the row lock serialises two presses
    if (t === undefined) {
      return err(domainError('NOT_FOUND', `没有这个任务：${taskId}`, `no such task: ${taskId}`));
    }
    const task = t.task;
    if (!canWriteDepartment(ctx.actor, task.leadDepartmentCode)) {
      return err(forbiddenDepartment(task.leadDepartmentCode));
    }
    if (task.status === 'merged') {
      // merged into a joint task (联合抽查): that task is drawn instead, never both
      return err(
        domainError(
          'INVALID_STATE',
          '该任务已合并为联合抽查任务，不能单独摇号',
          'the task was merged into a joint task: draw the joint task',
          { details: { status: task.status } },
        ),
      );
    }
    if (!planDrawable(planStatusSchema.parse(t.planStatus))) {
      return err(
        domainError(
          'INVALID_STATE',
          '所属年度计划尚未审批，不能摇号',
          'the plan is not approved: its tasks cannot be drawn',
          { details: { planStatus: t.planStatus } },
        ),
      );
    }
    const pending = t.participants.filter((p) => p.status !== 'accepted');
    if (pending.length > 0) {
      return err(
        domainError(
          'INVALID_STATE',
          `参与部门尚未全部确认：${pending.map((p) => p.departmentCode).join('、')}`,
          `participating departments have not all accepted: ${pending.map((p) => p.departmentCode).join(', ')}`,
          {
            details: { pending: pending.map((p) => ({ department: p.departmentCode, status: p.status })) },
          },
        ),
      );
    }
    const previous = await drawsOfTask(tx, taskId);
    const live = previous.find((d) => d.status !== 'abandoned');
    if (live !== undefined) {
      return err(
        domainError(
          'CONFLICT',
          `该任务已有未作废的摇号 ${live.id}`,
          `the task already has a live draw ${live.id}`,
          { details: { draw: live.id, status: live.status } },
        ),
      );
    }
    const { scope, strata, quota } = parseTaskJson(task);
    progress = trackDraw(
      taskId,
      'freeze',
      { lead: task.leadDepartmentCode, participants: t.participants.map((p) => p.departmentCode) },
      strata.length,
      now,
    );
    const year = chinaYear(now);
    const q: FrameQuery = {
      drawId: `D-${taskId.slice(2)}-${previous.length + 1}`,
      scope,
      year,
      cap: await yearlyCap(tx, task.leadDepartmentCode),
      jurisdictionRule: task.jurisdictionRule,
      tierSource: tierSourceSchema.nullable().catch(null).parse(task.tierSource),
      manual: input.manualExclusions,
    };

    if (task.jurisdictionRule) {
      // spec §4: a task that applies the rule cannot be frozen while a target in scope has no unit
      const lacking = [];
      for (const s of strata) {
        lacking.push(await targetsWithoutUnit(tx, q, s)); // one query at a time on the transaction
      }
      const total = lacking.reduce((a, l) => a + l.total, 0);
      if (total > 0) {
        const targets = lacking.flatMap((l) => l.ids).slice(0, 100);
        return err(
          domainError(
            'VALIDATION',
            `适用「所所交叉」的任务中有 ${total} 户检查对象没有监管单位，请先补齐`,
            `${total} targets in scope have no supervising unit (required by the jurisdiction rule)`,
            {
              details: { total, targets },
            },
          ),
        );
      }
    }

    await insertDraw(tx, {
      id: q.drawId,
      taskId,
      status: 'frozen',
      supersedes: await supersedable(tx, taskId),
      frozenAt: now,
      strata: [],
      frameExclusionCounts: {},
      poolDigest: '',
      pairExclusionsDigest: '',
      createdBy: ctx.actor.username,
    });
    for (const s of strata) {
      await freezeStratum(tx, q, s);
    }
    const outOfScope = await recordOutOfScope(tx, q);
    const poolExclusions = await freezeInspectorPool(
      tx,
      q.drawId,
      {
        departments: Object.keys(quota),
        // issue 6: a cross-region task draws on the adjacent regions of every quota department's side
        fallbackRegions: task.crossRegion ? await quotaFallbackRegions(tx, Object.keys(quota)) : [],
      },
      { start: isoDate(task.windowStart), end: isoDate(task.windowEnd) },
    );
    await freezePairs(tx, q.drawId);

    const frozen = [];
    for (const s of strata) {
      progress.stratum(s.name, null);
      // §4 checks, size and digest, streamed
      const f = await scanStratum(tx, q.drawId, s.name, task.jurisdictionRule, null, (n) =>
        progress?.lines(n),
      );
      if (!f.ok) {
        return f;
      }
      const r = parseRatio(s.ratio);
      if (!r.ok) {
        return r;
      }
      frozen.push({
        name: s.name,
        ratio: s.ratio,
        min: s.min,
        max: s.max,
        frameSize: f.value.lines,
        frameDigest: f.value.digest,
        sampleSize: sampleSize(f.value.lines, r.value, s.min, s.max),
      });
    }
    const cap = checkRatioCap(
      t.items.map((i) => ({
        priority: i.priority === 'key' ? ('key' as const) : ('general' as const),
        ratioCap: i.ratioCap,
      })),
      frozen.map((s) => ({ name: s.name, ratio: s.ratio, frameSize: s.frameSize })),
    );
    if (!cap.ok) {
      return cap;
    }
    const counts: Record<string, Record<string, number>> = Object.fromEntries(
      strata.map((s) => [s.name, {}]),
    );
    for (const c of await exclusionCounts(tx, q.drawId)) {
      const bucket = counts[c.stratum];
      if (bucket !== undefined && RECORD_CODES.has(c.reason)) {
        bucket[c.reason] = c.n;
      }
    }
    const pool = await loadPool(tx, q.drawId);
    const pairs = await loadPairs(tx, q.drawId);
    await updateDraw(tx, q.drawId, {
      strata: frozen,
      frameExclusionCounts: counts,
      poolDigest: poolDigest(pool),
      pairExclusionsDigest: pairExclusionsDigest(pairs),
    });
    await updateTask(tx, taskId, { status: 'drawing', updatedAt: now });
    await audit(
      tx,
      ctx,
      {
        action: 'draw.frozen',
        entityType: 'draw',
        entityId: q.drawId,
        departmentCode: task.leadDepartmentCode,
        after: {
          taskId,
          strata: frozen,
          frameExclusionCounts: counts,
          outOfScope,
          manualExclusions: input.manualExclusions,
          yearlyCap: q.cap,
          poolSize: pool.length,
          fallbackInPool: pool.filter((p) => p.fallback).length,
          poolExclusions,
          pairExclusions: await pairCounts(tx, q.drawId),
        },
      },
      now,
    );
    const d = await findDraw(tx, q.drawId);
    return d === undefined ? err(domainError('NOT_FOUND', '摇号不存在', 'no such draw')) : ok(drawSummary(d));
  }).finally(() => progress?.end());
}

/** The adjacent regions of every quota department's side (one query at a time on the transaction). */
async function quotaFallbackRegions(tx: Db, departments: readonly string[]): Promise<string[]> {
  const all = new Set<string>();
  for (const d of departments) {
    for (const r of await adjacentRegions(tx, d)) {
      all.add(r);
    }
  }
  return [...all];
}

/**
 * Sort the pool candidates with core's rule (spec §5; 行政处罚法 art. 42: an officer holds a valid
 * 行政执法证 on every day of the window) and write the pool and the exclusions with their codes.
 * A primary entry wins over a fallback entry of the same badge. Returns the counts per code.
 */
async function freezeInspectorPool(
  tx: Db,
  drawId: string,
  q: PoolQuery,
  window: TaskWindow,
): Promise<Record<string, number>> {
  const pool: PoolRow[] = [];
  const out: PoolExclusionRow[] = [];
  const seen = new Set<string>();
  for (const c of await poolCandidates(tx, q)) {
    if (seen.has(c.badge_no)) {
      continue;
    }
    seen.add(c.badge_no);
    const quals = qualificationsSchema.safeParse(c.qualifications);
    const why = officerPoolExclusion(
      {
        expert: false,
        active: c.active,
        activeFrom: c.active_from,
        activeTo: c.active_to,
        qualifications: quals.success ? quals.data : [],
      },
      window,
    );
    if (why === null) {
      pool.push({
        inspectorId: c.badge_no,
        department: c.department,
        homeDepartment: c.home_department,
        unit: c.unit,
        capacity: c.capacity,
        fallback: c.fallback,
      });
    } else {
      out.push({
        inspectorId: c.id,
        badgeNo: c.badge_no,
        name: c.name,
        department: c.home_department,
        fallback: c.fallback,
        reason: why.code,
        expiresOn: why.expiresOn,
      });
    }
  }
  await insertPool(tx, drawId, pool);
  await insertPoolExclusions(tx, drawId, out);
  const counts: Record<string, number> = {};
  for (const e of out) {
    counts[e.reason] = (counts[e.reason] ?? 0) + 1;
  }
  return counts;
}
