/**
 * A small, hand-countable oversight world (issue 6), inserted directly: in 渝北 (500112) a joint
 * task TJ (DEPT_A leads, DEPT_C accepted) with two visits, a DEPT_A task TA with one visit, a DEPT_C
 * task TC without visits; in 渝中 a DEPT_B task that region filters leave out. The expected figures
 * are worked out in metrics.test.ts.
 */
import type { Database } from '../../src/db/client';
import {
  draws,
  drawFrames,
  followUps,
  inspectionItems,
  inspectionItemVersions,
  inspectionResults,
  inspections,
  inspectors,
  plans,
  targets,
  taskParticipants,
  tasks,
} from '../../src/db/schema';
import { DEPT_A, DEPT_B, DEPT_C } from './fixtures';

export const M_ITEMS = {
  A1: '00000000-0000-4000-8000-0000000ea0a1',
  A2: '00000000-0000-4000-8000-0000000ea0a2',
  C1: '00000000-0000-4000-8000-0000000ec0c1',
  C2: '00000000-0000-4000-8000-0000000ec0c2',
  B1: '00000000-0000-4000-8000-0000000eb0b1',
} as const;
export const M_TARGETS = ['MX-1', 'MX-2', 'MX-3', 'MX-4'] as const;

const version = (itemId: string) => ({
  itemId,
  version: 1,
  effectiveFrom: '2026-01-01',
  name: `事项 ${itemId.slice(-2)}`,
  priority: 'general',
  ratioCap: '0.1',
  legalBasis: '《条例》',
  method: 'onsite',
  guideline: { whatToCheck: '-', how: '-', legalBasis: '-' },
});

/** Insert the world; returns the inspection ids by task and target. */
export async function loadMetricsWorld(database: Database): Promise<Record<string, string>> {
  const db = database.db;
  await db
    .insert(targets)
    .values([
      ...M_TARGETS.map((id) => ({ id, type: '企业', name: `指标测试 ${id}`, divisionCode: '500112' })),
      { id: 'MB-1', type: '企业', name: '渝中测试', divisionCode: '500103' },
    ]);
  await db.insert(inspectors).values([
    { id: 'MP-1', badgeNo: 'MP-1', name: '甲', departmentCode: DEPT_A, regionCode: '500112' },
    { id: 'MP-2', badgeNo: 'MP-2', name: '乙', departmentCode: DEPT_A, regionCode: '500112' },
    { id: 'MP-3', badgeNo: 'MP-3', name: '丙', departmentCode: DEPT_C, regionCode: '500112' },
  ]);
  await db.insert(inspectionItems).values([
    { id: M_ITEMS.A1, departmentCode: DEPT_A, code: 'M-A1', published: true },
    { id: M_ITEMS.A2, departmentCode: DEPT_A, code: 'M-A2', published: true },
    { id: M_ITEMS.C1, departmentCode: DEPT_C, code: 'M-C1', published: true },
    { id: M_ITEMS.C2, departmentCode: DEPT_C, code: 'M-C2', published: true },
    { id: M_ITEMS.B1, departmentCode: DEPT_B, code: 'M-B1', published: true },
  ]);
  await db.insert(inspectionItemVersions).values(Object.values(M_ITEMS).map(version));
  const [pa, pc, pb] = await db
    .insert(plans)
    .values([
      {
        departmentCode: DEPT_A,
        year: 2026,
        title: 'A 计划',
        status: 'published',
        publishedAt: new Date('2026-01-10T02:00:00Z'),
      },
      { departmentCode: DEPT_C, year: 2026, title: 'C 计划', status: 'draft' },
      {
        departmentCode: DEPT_B,
        year: 2026,
        title: 'B 计划',
        status: 'published',
        publishedAt: new Date('2026-01-10T02:00:00Z'),
      },
    ])
    .returning({ id: plans.id });
  if (pa === undefined || pc === undefined || pb === undefined) {
    throw new Error('plans not inserted');
  }
  const task = (
    id: string,
    planId: string,
    lead: string,
    start: string,
    end: string,
    published: string | null,
  ) => ({
    id,
    planId,
    leadDepartmentCode: lead,
    title: `任务 ${id}`,
    scope: {},
    strata: [],
    windowStart: start,
    windowEnd: end,
    quota: {},
    status: published === null ? 'inspecting' : 'published',
    resultsPublishedAt: published === null ? null : new Date(published),
  });
  await db
    .insert(tasks)
    .values([
      task('TJ', pa.id, DEPT_A, '2026-03-01', '2026-03-31', '2026-04-10T02:00:00Z'),
      task('TA', pa.id, DEPT_A, '2026-05-01', '2026-05-31', null),
      task('TC', pc.id, DEPT_C, '2026-06-01', '2026-06-30', null),
      task('TB', pb.id, DEPT_B, '2026-03-01', '2026-03-31', null),
    ]);
  await db.insert(taskParticipants).values({ taskId: 'TJ', departmentCode: DEPT_C, status: 'accepted' });
  const draw = (id: string, taskId: string, frameSize: number, sampleSize: number, drawnAt: string) => ({
    id,
    taskId,
    status: 'drawn',
    frozenAt: new Date(drawnAt),
    drawnAt: new Date(drawnAt),
    strata: [{ name: 'all', ratio: '0.5', min: 0, max: null, frameSize, frameDigest: 'x', sampleSize }],
    frameExclusionCounts: {},
    poolDigest: 'x',
    pairExclusionsDigest: 'x',
  });
  await db
    .insert(draws)
    .values([
      draw('DJ', 'TJ', 4, 2, '2026-02-28T02:00:00Z'),
      draw('DA', 'TA', 2, 1, '2026-04-30T02:00:00Z'),
      draw('DB', 'TB', 1, 1, '2026-02-28T02:00:00Z'),
    ]);
  await db
    .insert(drawFrames)
    .values([
      ...M_TARGETS.map((targetId) => ({ drawId: 'DJ', stratum: 'all', targetId })),
      { drawId: 'DA', stratum: 'all', targetId: 'MX-1' },
      { drawId: 'DA', stratum: 'all', targetId: 'MX-2' },
      { drawId: 'DB', stratum: 'all', targetId: 'MB-1' },
    ]);
  const rows = await db
    .insert(inspections)
    .values([
      {
        taskId: 'TJ',
        drawId: 'DJ',
        targetId: 'MX-1',
        drawYear: 2026,
        inspectors: ['MP-1', 'MP-2'],
        status: 'published',
        visitedAt: new Date('2026-03-10T02:00:00Z'),
      },
      {
        taskId: 'TJ',
        drawId: 'DJ',
        targetId: 'MX-2',
        drawYear: 2026,
        inspectors: ['MP-1', 'MP-3'],
        status: 'published',
        visitedAt: new Date('2026-03-12T02:00:00Z'),
      },
      {
        taskId: 'TA',
        drawId: 'DA',
        targetId: 'MX-1',
        drawYear: 2026,
        inspectors: ['MP-1', 'MP-2'],
        status: 'approved',
        visitedAt: new Date('2026-05-06T02:00:00Z'),
      },
      {
        taskId: 'TB',
        drawId: 'DB',
        targetId: 'MB-1',
        drawYear: 2026,
        inspectors: ['MP-1'],
        status: 'approved',
      },
    ])
    .returning({ id: inspections.id, taskId: inspections.taskId, targetId: inspections.targetId });
  const ids = Object.fromEntries(rows.map((r) => [`${r.taskId}/${r.targetId}`, r.id]));
  const id = (k: string): string => ids[k] ?? '';
  const result = (inspectionId: string, itemId: string, departmentCode: string, category: string) => ({
    inspectionId,
    itemId,
    itemVersion: 1,
    departmentCode,
    category,
    recordedBy: 'fixture',
    recordedAt: new Date('2026-03-10T03:00:00Z'),
  });
  await db
    .insert(inspectionResults)
    .values([
      result(id('TJ/MX-1'), M_ITEMS.A1, DEPT_A, '发现问题已责令改正'),
      result(id('TJ/MX-1'), M_ITEMS.C1, DEPT_C, '未发现问题'),
      result(id('TJ/MX-2'), M_ITEMS.A1, DEPT_A, '未发现问题'),
      result(id('TA/MX-1'), M_ITEMS.A2, DEPT_A, '未发现问题'),
      result(id('TB/MB-1'), M_ITEMS.B1, DEPT_B, '发现问题待后续处理'),
    ]);
  await db.insert(followUps).values([
    {
      inspectionId: id('TJ/MX-1'),
      targetId: 'MX-1',
      departmentCode: DEPT_A,
      kind: 'correction_order',
      detail: '限期改正',
      status: 'closed',
      closedAt: new Date('2026-04-01T02:00:00Z'),
      createdBy: 'fixture',
    },
    {
      inspectionId: id('TJ/MX-1'),
      targetId: 'MX-1',
      departmentCode: DEPT_A,
      kind: 'case_referral',
      detail: '移送',
      status: 'open',
      createdBy: 'fixture',
    },
  ]);
  return ids;
}
