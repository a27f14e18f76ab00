/**
 * Workflow fixtures (issue 5): targets in two districts with tiers and units, inspectors of
 * three departments (one inactive, one expert), items (key and general), an extra leader for
 * the participating department, and helpers that drive a plan to approval through the API.
 */
import { defaultChecklistForm, drawRecordSchema, verifyRecord } from '@openssj/core';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client';
import { insertUsers } from '../../src/contexts/platform/user.repo';
import {
  draws,
  inspectionItems,
  inspectionItemVersions,
  inspections,
  inspectors,
  plans,
  recusals,
  targets,
  tasks,
} from '../../src/db/schema';
import type { App } from '../../src/app';
import type { LoggedIn } from './app';
import { DEPT_A, DEPT_B, DEPT_C } from './fixtures';

export const UNIT_A1 = `${DEPT_A}-S01`;
export const UNIT_A2 = `${DEPT_A}-S02`;

/** Ids of the fixture items. */
export interface WorkflowItems {
  readonly generalA: string;
  readonly keyA: string;
  readonly generalC: string;
}

/** Target id n (18 characters, unique, in byte order by n). */
export function tid(n: number): string {
  return `91500112WF${String(n).padStart(8, '0')}`;
}

const TIERS = ['A', 'B', 'C', 'D'] as const;

/** Load targets, inspectors, items and a leader of DEPT_C. */
export async function loadWorkflowFixtures(
  database: Database,
  passwordHash?: string,
): Promise<WorkflowItems> {
  const db = database.db;
  // 40 targets in 500112: tiers cycle A–D; 1–3 deregistered; units alternate S01/S02.
  const rows = Array.from({ length: 40 }, (_, i) => ({
    id: tid(i + 1),
    type: '企业',
    name: `渝北测试企业${i + 1}号有限公司`,
    divisionCode: '500112',
    address: `渝北区测试路 ${i + 1} 号`,
    industryCode: i % 2 === 0 ? '5211' : '6210',
    legalRep: '张三',
    status: i < 3 ? '注销' : '在营',
    supervisingUnit: i % 2 === 0 ? UNIT_A1 : UNIT_A2,
    riskTier: TIERS[i % 4] ?? 'A',
    tags: i % 5 === 0 ? ['食品'] : [],
  }));
  // Two targets in 500113 without a supervising unit (所所交叉 refuses these).
  rows.push(
    {
      id: '91500113WF00000001',
      type: '企业',
      name: '巴南无单位企业一',
      divisionCode: '500113',
      address: '巴南区',
      industryCode: '5211',
      legalRep: '李四',
      status: '在营',
      supervisingUnit: '',
      riskTier: 'B',
      tags: [],
    },
    {
      id: '91500113WF00000002',
      type: '企业',
      name: '巴南无单位企业二',
      divisionCode: '500113',
      address: '巴南区',
      industryCode: '5211',
      legalRep: '李四',
      status: '在营',
      supervisingUnit: '',
      riskTier: 'B',
      tags: [],
    },
  );
  await db
    .insert(targets)
    .values(
      rows.map((r) => ({ ...r, supervisingUnit: r.supervisingUnit === '' ? null : r.supervisingUnit })),
    );

  const person = (
    id: string,
    dept: string,
    unit: string | null,
    extra: Partial<typeof inspectors.$inferInsert> = {},
  ) => ({
    id,
    badgeNo: id,
    name: `检查员${id}`,
    departmentCode: dept,
    unitCode: unit,
    regionCode: dept.slice(0, 6),
    ...extra,
  });
  await db.insert(inspectors).values([
    person('A001', DEPT_A, UNIT_A1),
    person('A002', DEPT_A, UNIT_A1),
    person('A003', DEPT_A, UNIT_A2),
    person('A004', DEPT_A, UNIT_A2),
    person('A005', DEPT_A, UNIT_A1, { capacity: 1 }),
    person('A009', DEPT_A, UNIT_A1, { active: false }),
    {
      id: 'EXP-0001',
      badgeNo: null,
      name: '食品专家王',
      departmentCode: DEPT_A,
      unitCode: null,
      regionCode: '500112',
      expert: true,
    },
    person('C001', DEPT_C, null),
    person('C002', DEPT_C, null),
    person('B001', DEPT_B, null),
    person('B002', DEPT_B, null),
  ]);
  await db
    .insert(recusals)
    .values({ inspectorId: 'A001', targetId: tid(5), kind: 'kinship', reason: '近亲属任法定代表人' });

  const guideline = {
    whatToCheck: '经营资质',
    how: '现场检查',
    legalBasis: '《食品安全法》',
    form: defaultChecklistForm(),
  };
  const items = await db
    .insert(inspectionItems)
    .values([
      { departmentCode: DEPT_A, code: 'WF-G1', published: true },
      { departmentCode: DEPT_A, code: 'WF-K1', published: true },
      { departmentCode: DEPT_C, code: 'WF-C1', published: true },
    ])
    .returning({ id: inspectionItems.id, code: inspectionItems.code });
  const idOf = (code: string) => items.find((x) => x.code === code)?.id ?? '';
  const version = (code: string, name: string, priority: 'key' | 'general', ratioCap: string | null) => ({
    itemId: idOf(code),
    version: 1,
    effectiveFrom: '2026-01-01',
    name,
    priority,
    ratioCap,
    legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    method: 'onsite',
    guideline,
  });
  await db
    .insert(inspectionItemVersions)
    .values([
      version('WF-G1', '食品经营许可情况检查', 'general', '0.1'),
      version('WF-K1', '特种设备使用单位检查', 'key', null),
      version('WF-C1', '养老机构服务安全检查', 'general', '0.05'),
    ]);
  if (passwordHash !== undefined) {
    await insertUsers(db, [
      {
        username: 'leader_c',
        displayName: 'leader_c',
        departmentCode: DEPT_C,
        roles: ['leader'],
        passwordHash,
      },
    ]);
  }
  return { generalA: idOf('WF-G1'), keyA: idOf('WF-K1'), generalC: idOf('WF-C1') };
}

/** A task body with sensible defaults. */
export function taskBody(
  items: readonly string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    title: '2026 年食品经营抽查',
    itemIds: items,
    scope: { divisions: ['500112'] },
    strata: [{ name: 'all', tiers: null, ratio: '0.1' }],
    windowStart: '2026-12-01',
    windowEnd: '2026-12-31',
    ...extra,
  };
}

/** POST/PUT/GET with a session, expecting a status; returns the parsed body. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `call` bound to an app and a caller (getters: tests assign both in beforeAll), for shorter lines. */
export function caller(app: () => App, who: () => LoggedIn | null) {
  return <T = Record<string, unknown>>(method: Method, url: string, payload?: unknown, status?: number) =>
    call<T>(app(), who(), method, url, payload, status);
}

/** `call` bound to an app, with the caller named per request (a fixture user's name, a session, or null). */
export function requester(app: () => App, who: (name: string) => LoggedIn) {
  return <T = Record<string, unknown>>(
    as: string | LoggedIn | null,
    method: Method,
    url: string,
    payload?: unknown,
    status?: number,
  ) => call<T>(app(), typeof as === 'string' ? who(as) : as, method, url, payload, status);
}

export async function call<T = Record<string, unknown>>(
  app: App,
  who: LoggedIn | null,
  method: Method,
  url: string,
  payload?: unknown,
  status?: number,
): Promise<T> {
  const res = await app.inject({
    method,
    url,
    ...(who === null ? {} : { headers: who.headers }),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  if (status !== undefined) {
    expect(res.statusCode, res.body).toBe(status);
  }
  return res.json<T>();
}

/** Create a draft annual plan (201 expected). */
export async function newPlan(
  app: App,
  admin: LoggedIn,
  title: string,
  year = 2026,
): Promise<{ id: string; status: string }> {
  return call<{ id: string; status: string }>(app, admin, 'POST', '/api/plans', { year, title }, 201);
}

/** A plan action (submit, approve, return, publish, revise …), expecting a status; returns the body. */
export async function planAction<T = Record<string, unknown>>(
  app: App,
  who: LoggedIn,
  planId: string,
  body: { readonly action: string } & Record<string, unknown>,
  status: number,
): Promise<T> {
  return call<T>(app, who, 'POST', `/api/plans/${planId}/actions`, body, status);
}

/** Create a plan with one task, submit it and have the leader approve it; returns ids. */
export async function approvedTask(
  app: App,
  admin: LoggedIn,
  leader: LoggedIn,
  body: Record<string, unknown>,
): Promise<{ planId: string; taskId: string }> {
  const plan = await newPlan(app, admin, '2026 年度抽查计划');
  const task = await call<{ id: string }>(app, admin, 'POST', `/api/plans/${plan.id}/tasks`, body, 201);
  await planAction(app, admin, plan.id, { action: 'submit' }, 200);
  await planAction(app, leader, plan.id, { action: 'approve' }, 200);
  return { planId: plan.id, taskId: task.id };
}

let pastSeq = 0;

/** Past random inspections of a target by another department in `year`, one drawn task each (for CAP_REACHED and rotation). */
export async function pastInspections(
  database: Database,
  targetId: string,
  year: number,
  teams: readonly (readonly string[])[],
): Promise<void> {
  const db = database.db;
  const [plan] = await db
    .insert(plans)
    .values({ departmentCode: DEPT_B, year, title: '渝中往期计划', status: 'published' })
    .returning({ id: plans.id });
  for (const [i, team] of teams.entries()) {
    const taskId = `T-${year}-${String(9000 + ++pastSeq)}`;
    const drawId = `D-${taskId.slice(2)}-1`;
    await db.insert(tasks).values({
      id: taskId,
      planId: plan?.id ?? '',
      leadDepartmentCode: DEPT_B,
      title: '往期任务',
      scope: {},
      strata: [],
      windowStart: `${year}-01-01`,
      windowEnd: `${year}-02-01`,
      quota: { [DEPT_B]: 2 },
      status: 'inspecting',
    });
    await db.insert(draws).values({
      id: drawId,
      taskId,
      status: 'drawn',
      frozenAt: new Date(`${year}-01-0${i + 1}T01:00:00Z`),
      drawnAt: new Date(`${year}-01-0${i + 1}T02:00:00Z`),
      strata: [],
      frameExclusionCounts: {},
      poolDigest: 'x',
      pairExclusionsDigest: 'x',
    });
    await db
      .insert(inspections)
      .values({ taskId, drawId, targetId, drawYear: year, inspectors: [...team], status: 'approved' });
  }
}

/** Abandon a draw the two-person way (issue 13): the admin asks with a reason, the leader approves. */
export async function abandonByTwo(
  app: App,
  admin: LoggedIn,
  leader: LoggedIn,
  drawId: string,
  reason: string,
): Promise<void> {
  const r = await call<{ id: number }>(
    app,
    admin,
    'POST',
    `/api/draws/${drawId}/abandon-requests`,
    { reason },
    201,
  );
  await call(app, leader, 'POST', `/api/abandon-requests/${r.id}/decision`, { decision: 'approve' }, 200);
}

/**
 * Download a draw's public record and frames, as anyone can, and verify them with core: the
 * parsed record and the verification outcome.
 */
export async function verifyPublicDraw(app: App, drawId: string) {
  const record: unknown = await call(app, null, 'GET', `/api/public/draws/${drawId}/record`, undefined, 200);
  const parsed = drawRecordSchema.parse(record);
  const frames: Record<string, string> = {};
  for (const s of parsed.strata) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/public/draws/${drawId}/frames/${encodeURIComponent(s.name)}`,
    });
    expect(res.statusCode).toBe(200);
    frames[s.name] = res.body;
  }
  return { parsed, result: verifyRecord(record, frames) };
}
