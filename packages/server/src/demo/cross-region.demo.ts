/**
 * Demo cross-region joint task (跨区域, issue 6; 000: 渝北 with 邻水, 异地同标): an ended 2026 task
 * of 渝北 500112-SCJG with 邻水 511623-SCJG across the provincial border — one agreed item (each
 * side's copy of the same catalog item), targets of both regions, a quota naming one inspector of
 * each side so every team is mixed. Plan, task, acceptance by ls_admin, the draw, each side's
 * review and each side's publication go THROUGH THE SERVICES with a moving clock; the visits'
 * records (results of the side holding the target, both inspectors' confirmations, signatures)
 * are written directly, as in results-history.demo.ts. Call after seedResultHistory.
 */
import { sideOfTarget, taskSpecSchema, type DomainError, type Result, type Role } from '@openssj/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, findUserByUsername, type ServiceDeps } from '../contexts/platform';
import type { Database } from '../db/client';
import { inspectionResults, inspections, inspectors, targets } from '../db/schema';
import { queryOne } from '../db/sql';
import { commitFrozenDraw, runCommittedDraw, freezeDraw } from '../contexts/draw';
import { createPlan, transitionPlan, createTask, respondToTask } from '../contexts/workflow';
import { publishTaskResults, reviewVisit, taskSideDepartments } from '../contexts/inspection';

const YB = '500112-SCJG';
const LS = '511623-SCJG';
export const CROSS_REGION_TASK_TITLE = '2026 年川渝毗邻地区食品安全联合抽查';

/** What the cross-region history wrote, for the loader's log line. */
export interface CrossRegionSummary {
  readonly taskId: string;
  readonly inspections: number;
  /** Visits per side department. */
  readonly bySide: Readonly<Record<string, number>>;
  readonly published: number;
}

let logLine: ((line: string) => void) | undefined;

function must<T>(r: Result<T, DomainError>, what: string): T {
  logLine?.(`  ${what}`);
  if (!r.ok) {
    throw new Error(
      `demo cross-region: ${what}: ${r.error.messageEn} ${JSON.stringify(r.error.details ?? r.error.issues ?? '')}`,
    );
  }
  return r.value;
}

/** Seed the ended, published 2026 cross-region task into a database with the demo history. */
export async function seedCrossRegionHistory(
  database: Database,
  deps: Omit<ServiceDeps, 'database' | 'clock'>,
  opts: { readonly log?: (line: string) => void } = {},
): Promise<CrossRegionSummary> {
  const db = database.db;
  logLine = opts.log;
  let now = new Date('2026-08-03T01:30:00.000Z');
  const d: ServiceDeps = { ...deps, database, clock: () => now };
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const actor = async (username: string, dept: string, role: Role): Promise<Actor> => {
    const u = await findUserByUsername(db, username);
    return {
      userId: u?.user.id ?? `demo:${username}`,
      username: u?.user.username ?? username,
      displayName: u?.user.displayName ?? username,
      departmentCode: dept,
      regionCode: dept.slice(0, 6),
      roles: [role],
      sessionId: 'demo-cross-region',
    };
  };
  const ctx = (a: Actor) => ({ actor: a, requestId: 'demo-cross-region' });
  const admin = await actor('admin', YB, 'dept_admin');
  const leader = await actor('leader', YB, 'leader');
  const lsAdmin = await actor('ls_admin', LS, 'dept_admin');
  const lsLeader = await actor('demo-ls-leader', LS, 'leader');

  // 异地同标: the first key item of 渝北's list and 邻水's copy of it (same catalog name)
  const pair = await queryOne(
    db,
    sql`SELECT a.id AS yb, b.id AS ls FROM inspection_items a
        JOIN inspection_item_versions av ON av.item_id = a.id AND av.version = a.current_version
        JOIN inspection_items b ON b.department_code = ${LS}
        JOIN inspection_item_versions bv ON bv.item_id = b.id AND bv.version = b.current_version AND bv.name = av.name
        WHERE a.department_code = ${YB} AND av.priority = 'key' AND bv.priority = 'key'
        ORDER BY a.code LIMIT 1`,
    z.object({ yb: z.string(), ls: z.string() }),
  );
  // A small scope with targets on both sides: the industry with the most 邻水 targets among
  // those with 6–60 active targets in the two districts together.
  const industry = await queryOne(
    db,
    sql`SELECT industry_code AS code FROM targets
        WHERE division_code IN ('500112', '511623') AND status = '在营' AND industry_code IS NOT NULL
        GROUP BY industry_code
        HAVING count(*) BETWEEN 6 AND 60 AND count(*) FILTER (WHERE division_code = '511623') >= 3
          AND count(*) FILTER (WHERE division_code = '500112') >= 3
        ORDER BY count(*) FILTER (WHERE division_code = '511623') DESC, industry_code LIMIT 1`,
    z.object({ code: z.string() }),
  );
  if (pair === undefined || industry === undefined) {
    throw new Error('demo cross-region: no shared key item or no industry with targets on both sides');
  }

  const plan = must(
    await createPlan(d, ctx(admin), {
      year: 2026,
      title: '渝北区市场监管局 2026 年度川渝跨区域联合抽查计划',
    }),
    'plan',
  );
  const task = must(
    await createTask(
      d,
      ctx(admin),
      plan.id,
      taskSpecSchema.parse({
        title: CROSS_REGION_TASK_TITLE,
        itemIds: [pair.yb, pair.ls],
        scope: { divisions: ['500112', '511623'], industries: [industry.code] },
        strata: [{ name: 'all', tiers: null, ratio: '0.3', min: 4 }],
        windowStart: '2026-09-01',
        windowEnd: '2026-10-30',
        participants: [LS],
        quota: { [YB]: 1, [LS]: 1 },
        crossRegion: true,
      }),
    ),
    'task',
  );
  at('2026-08-04T01:30:00.000Z');
  must(await transitionPlan(d, ctx(admin), plan.id, { action: 'submit' }), 'submit');
  at('2026-08-05T01:30:00.000Z');
  must(await transitionPlan(d, ctx(leader), plan.id, { action: 'approve' }), 'approve');
  must(await transitionPlan(d, ctx(admin), plan.id, { action: 'publish' }), 'publish');
  at('2026-08-10T02:00:00.000Z');
  must(
    await respondToTask(d, ctx(lsAdmin), task.id, {
      accept: true,
      comment: '同意按川渝统一事项清单联合抽查',
    }),
    'accept',
  );
  at('2026-08-26T01:30:00.000Z');
  const frozen = must(await freezeDraw(d, ctx(admin), task.id, { manualExclusions: [] }), 'freeze');
  at('2026-08-26T01:40:00.000Z');
  must(await commitFrozenDraw(d, ctx(admin), frozen.id, { seedSource: 'dice' }), 'commit');
  at('2026-08-26T02:00:00.000Z');
  must(
    await runCommittedDraw(d, ctx(admin), frozen.id, {
      seed: '1 7 3 2 0 5 0 8 0 7 5 6 8 8 7 7 2 9 3 5 2 7',
      witnesses: [
        { name: '周公证', role: '公证员' },
        { name: '邻水县市场监管局代表', role: '参与部门' },
      ],
    }),
    'draw',
  );

  // The visits: the side holding the target records its item; both inspectors confirm.
  const visits = await db
    .select({ i: inspections, division: targets.divisionCode })
    .from(inspections)
    .innerJoin(targets, eq(targets.id, inspections.targetId))
    .where(eq(inspections.drawId, frozen.id))
    .orderBy(inspections.targetId);
  const sided = (await taskSideDepartments(db, [task.id])).get(task.id);
  const team = await db
    .select({ id: inspectors.id, name: inspectors.name, dept: inspectors.departmentCode })
    .from(inspectors)
    .where(inArray(inspectors.id, [...new Set(visits.flatMap((v) => v.i.inspectors))]));
  const bySide: Record<string, number> = {};
  for (const [n, v] of visits.entries()) {
    const side = sideOfTarget(true, sided?.departments ?? [], v.division)?.departments[0] ?? YB;
    bySide[side] = (bySide[side] ?? 0) + 1;
    const visited = new Date(Date.UTC(2026, 8, 7 + (n % 20) * 2, 1, 30));
    const home = team.find((m) => m.dept === side && v.i.inspectors.includes(m.id));
    const category = n % 5 === 3 ? '发现问题已责令改正' : '未发现问题';
    await db.insert(inspectionResults).values({
      inspectionId: v.i.id,
      itemId: side === LS ? pair.ls : pair.yb,
      itemVersion: 1,
      departmentCode: side,
      category,
      notes: category === '未发现问题' ? null : '现场发现问题，已当场责令改正',
      answers: { followUp: category === '未发现问题' ? '无需后续处置' : '责令限期改正' },
      recordedBy: home?.id ?? side,
      recordedAt: visited,
    });
    await db
      .update(inspections)
      .set({
        status: 'submitted',
        visitedAt: visited,
        submittedAt: new Date(visited.getTime() + 3_600_000),
        confirmations: v.i.inspectors.map((id) => ({
          inspectorId: id,
          userId: `demo:${id}`,
          name: team.find((m) => m.id === id)?.name ?? id,
          at: new Date(visited.getTime() + 1_800_000).toISOString(),
        })),
        businessSignature: {
          kind: 'refused',
          reason: '负责人不在场，经营者代表口头确认',
          at: new Date(visited.getTime() + 1_700_000).toISOString(),
        },
        version: v.i.version + 1,
        updatedAt: visited,
      })
      .where(and(eq(inspections.id, v.i.id), eq(inspections.version, v.i.version)));
  }
  // Each side's leader reviews its own part; each side publishes it.
  at('2026-11-04T02:00:00.000Z');
  for (const v of visits) {
    const side = sideOfTarget(true, sided?.departments ?? [], v.division)?.departments[0] ?? YB;
    must(
      await reviewVisit(d, ctx(side === LS ? lsLeader : leader), v.i.id, {
        version: v.i.version + 1,
        decision: 'approve',
      }),
      `review ${v.i.targetId}`,
    );
  }
  at('2026-11-10T02:00:00.000Z');
  const a = must(await publishTaskResults(d, ctx(admin), task.id), 'publish 渝北');
  at('2026-11-11T02:00:00.000Z');
  const b = must(await publishTaskResults(d, ctx(lsAdmin), task.id), 'publish 邻水');
  return { taskId: task.id, inspections: visits.length, bySide, published: a.published + b.published };
}
