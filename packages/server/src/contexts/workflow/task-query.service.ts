/**
 * Reading tasks: the list a user may see and one task's detail (items, participants, draws).
 */
import { evaluateRatioCap, ok, parseRatio, sampleSize, chinaYear } from '@openssj/core';
import { hasAnyRole, type Actor, type ServiceDeps } from '../platform';
import { estimateFrames } from './frame-estimate.repo';
import { listTasks, drawsOfTask } from './task.repo';
import { drawSummary, parseTaskJson, taskView, type TaskView } from './workflow-views';
import { yearlyCap } from './workflow-settings';
import { readableTask } from './task.service';

/** Tasks the actor may see (lead or participant; everything for oversight). */
export async function listTasksFor(deps: ServiceDeps, actor: Actor, year?: number): Promise<TaskView[]> {
  const all = hasAnyRole(actor, ['system_admin', 'auditor']);
  const rows = await listTasks(deps.database.db, {
    ...(year === undefined ? {} : { year }),
    ...(all ? {} : { visibleTo: [actor.departmentCode] }),
  });
  return rows.map(taskView);
}

/** A task with its draws and an estimate (frame sizes now, sample sizes, the ratio-cap rule). */
export async function getTaskDetail(deps: ServiceDeps, actor: Actor, id: string) {
  const db = deps.database.db;
  const t = await readableTask(db, actor, id);
  if (!t.ok) {
    return t;
  }
  const draws = await drawsOfTask(db, id);
  const { scope, strata } = parseTaskJson(t.value.task);
  const frames = await estimateFrames(
    db,
    scope,
    strata,
    chinaYear(deps.clock()),
    await yearlyCap(db, t.value.task.leadDepartmentCode),
    taskView(t.value).tierSource,
  );
  const loads = strata.map((s, i) => ({ name: s.name, ratio: s.ratio, frameSize: frames[i] ?? 0 }));
  const items = t.value.items.map((i) => ({
    priority: i.priority === 'key' ? ('key' as const) : ('general' as const),
    ratioCap: i.ratioCap,
  }));
  const cap = evaluateRatioCap(items, loads);
  return ok({
    task: taskView(t.value),
    draws: draws.map((d) => drawSummary(d, draws.find((x) => x.supersedes === d.id)?.id ?? null)),
    estimate: {
      strata: strata.map((s, i) => {
        const r = parseRatio(s.ratio);
        const f = frames[i] ?? 0;
        return { name: s.name, frameSize: f, sampleSize: r.ok ? sampleSize(f, r.value, s.min, s.max) : 0 };
      }),
      cap: cap.ok ? cap.value.cap : null,
      overallPercent: cap.ok ? cap.value.overallPercent : null,
      within: cap.ok && cap.value.within,
    },
  });
}
