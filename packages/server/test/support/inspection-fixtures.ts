/**
 * Inspection fixtures (issue 5, inspection → publication): targets, inspectors linked to
 * accounts (insp_a ↔ YB-001, insp_a2 ↔ YB-002, insp_c ↔ MZ-001, insp_x ↔ YB-003 not on any
 * team), items of two departments with checklist forms, and a joint task (lead DEPT_A,
 * participant DEPT_C) with a drawn draw and its inspections inserted directly.
 */
import { createHash } from 'node:crypto';
import { resultCategoryField, type ChecklistField } from '@openssj/core';
import { expect } from 'vitest';
import { z } from 'zod';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import type { Database } from '../../src/db/client';
import { insertUsers } from '../../src/contexts/platform/user.repo';
import { eq } from 'drizzle-orm';
import {
  draws,
  inspectionItems,
  inspectionItemVersions,
  inspections,
  inspectors,
  plans,
  targets,
  taskItems,
  taskParticipants,
  tasks,
  users,
  inspectionResults,
} from '../../src/db/schema';
import type { App } from '../../src/app';
import type { LoggedIn } from './app';
import { DEPT_A, DEPT_C, PASSWORD } from './fixtures';

export const USCC_1 = '91500112MA5U7IN011';
export const USCC_2 = '91500112MA5U7IN022';
export const USCC_3 = '91500112MA5U7IN033';
export const ITEM_A = '00000000-0000-4000-8000-00000000a001';
export const ITEM_C = '00000000-0000-4000-8000-00000000c001';
export const TASK_ID = 'T-2026-IN01';
export const DRAW_ID = 'D-2026-IN01';

export interface InspectionWorld {
  /** DEPT_A only visit, team YB-001 + YB-002 (+ an expert). */
  readonly visit: string;
  /** Joint visit, team YB-001 + MZ-001. */
  readonly joint: string;
  /** A third visit, team YB-002 + YB-003 (insp_a is not on it). */
  readonly other: string;
}

const FORM_A: ChecklistField[] = [
  resultCategoryField(),
  { key: 'licensed', label: '持有有效营业执照', kind: 'yesNo', required: true, photoRequired: false },
  {
    key: 'area',
    label: '经营面积',
    kind: 'number',
    required: false,
    photoRequired: false,
    unit: '㎡',
    min: 0,
    max: 100000,
  },
  { key: 'scene', label: '现场照片', kind: 'photo', required: true, photoRequired: true },
];
const FORM_C: ChecklistField[] = [
  { key: 'registered', label: '已登记备案', kind: 'yesNo', required: true, photoRequired: false },
];

let hashed: Promise<string> | undefined;

/** Load the world; `windowEnd` is the task's last day. */
export async function loadInspectionWorld(
  database: Database,
  windowEnd = '2026-11-30',
): Promise<InspectionWorld> {
  const db = database.db;
  hashed ??= hashPassword(PASSWORD);
  const passwordHash = await hashed;
  await db.insert(targets).values([
    {
      id: USCC_1,
      uscc: USCC_1,
      type: '企业',
      name: '重庆检查测试一号有限公司',
      divisionCode: '500112',
      address: '重庆市渝北区龙溪街道测试路 1 号',
      legalRep: '王小明',
    },
    {
      id: USCC_2,
      uscc: USCC_2,
      type: '企业',
      name: '重庆检查测试二号有限公司',
      divisionCode: '500112',
      address: '重庆市渝北区测试路 2 号',
      legalRep: '欧阳娜娜',
    },
    {
      id: USCC_3,
      uscc: USCC_3,
      type: '企业',
      name: '重庆检查测试三号有限公司',
      divisionCode: '500112',
      address: '',
      legalRep: null,
    },
  ]);
  await db.insert(inspectors).values([
    { id: 'YB-001', badgeNo: 'YB-001', name: '张执法', departmentCode: DEPT_A, regionCode: '500112' },
    { id: 'YB-002', badgeNo: 'YB-002', name: '李执法', departmentCode: DEPT_A, regionCode: '500112' },
    { id: 'YB-003', badgeNo: 'YB-003', name: '赵执法', departmentCode: DEPT_A, regionCode: '500112' },
    { id: 'MZ-001', badgeNo: 'MZ-001', name: '陈民政', departmentCode: DEPT_C, regionCode: '500112' },
    {
      id: 'EXP-IN1',
      badgeNo: null,
      name: '专家孙',
      departmentCode: DEPT_A,
      regionCode: '500112',
      expert: true,
    },
  ]);
  await insertUsers(db, [
    {
      username: 'insp_a2',
      displayName: '李执法',
      departmentCode: DEPT_A,
      roles: ['inspector'],
      passwordHash,
      inspectorBadge: 'YB-002',
    },
    {
      username: 'insp_c',
      displayName: '陈民政',
      departmentCode: DEPT_C,
      roles: ['inspector'],
      passwordHash,
      inspectorBadge: 'MZ-001',
    },
    {
      username: 'insp_x',
      displayName: '赵执法',
      departmentCode: DEPT_A,
      roles: ['inspector'],
      passwordHash,
      inspectorBadge: 'YB-003',
    },
    {
      username: 'leader_c',
      displayName: 'leader_c',
      departmentCode: DEPT_C,
      roles: ['leader'],
      passwordHash,
    },
  ]);
  // insp_a is a fixture user: link it to YB-001
  await db.update(users).set({ inspectorBadge: 'YB-001' }).where(eq(users.username, 'insp_a'));
  await db.insert(inspectionItems).values([
    { id: ITEM_A, departmentCode: DEPT_A, code: 'IN-A1', published: true },
    { id: ITEM_C, departmentCode: DEPT_C, code: 'IN-C1', published: true },
  ]);
  await db.insert(inspectionItemVersions).values([
    {
      itemId: ITEM_A,
      version: 1,
      effectiveFrom: '2026-01-01',
      name: '营业执照检查',
      priority: 'general',
      ratioCap: '0.1',
      legalBasis: '《市场主体登记管理条例》',
      method: 'onsite',
      guideline: { whatToCheck: '营业执照', how: '现场核查', legalBasis: '条例', form: FORM_A },
    },
    {
      itemId: ITEM_C,
      version: 1,
      effectiveFrom: '2026-01-01',
      name: '民办机构登记检查',
      priority: 'key',
      ratioCap: null,
      legalBasis: '《民办非企业单位登记管理暂行条例》',
      method: 'onsite',
      guideline: { whatToCheck: '登记', how: '查验', legalBasis: '条例', form: FORM_C },
    },
  ]);
  const [plan] = await db
    .insert(plans)
    .values({ departmentCode: DEPT_A, year: 2026, title: '2026 年度抽查计划', status: 'published' })
    .returning();
  if (plan === undefined) {
    throw new Error('no plan');
  }
  await db.insert(tasks).values({
    id: TASK_ID,
    planId: plan.id,
    leadDepartmentCode: DEPT_A,
    title: '营业执照与登记联合抽查',
    scope: {},
    strata: [],
    windowStart: '2026-11-01',
    windowEnd,
    quota: {},
    status: 'inspecting',
  });
  await db.insert(taskParticipants).values({ taskId: TASK_ID, departmentCode: DEPT_C, status: 'accepted' });
  await db.insert(taskItems).values([
    { taskId: TASK_ID, itemId: ITEM_A, itemVersion: 1, departmentCode: DEPT_A },
    { taskId: TASK_ID, itemId: ITEM_C, itemVersion: 1, departmentCode: DEPT_C },
  ]);
  await db.insert(draws).values({
    id: DRAW_ID,
    taskId: TASK_ID,
    status: 'drawn',
    frozenAt: new Date('2026-10-30T02:00:00Z'),
    strata: [],
    frameExclusionCounts: {},
    poolDigest: 'x',
    pairExclusionsDigest: 'x',
  });
  const rows = await db
    .insert(inspections)
    .values([
      {
        taskId: TASK_ID,
        drawId: DRAW_ID,
        targetId: USCC_1,
        drawYear: 2026,
        inspectors: ['YB-001', 'YB-002', 'EXP-IN1'],
        plannedDate: '2026-11-20',
      },
      {
        taskId: TASK_ID,
        drawId: DRAW_ID,
        targetId: USCC_2,
        drawYear: 2026,
        inspectors: ['YB-001', 'MZ-001'],
        plannedDate: '2026-11-23',
      },
      {
        taskId: TASK_ID,
        drawId: DRAW_ID,
        targetId: USCC_3,
        drawYear: 2026,
        inspectors: ['YB-002', 'YB-003'],
        plannedDate: '2026-11-24',
      },
    ])
    .returning({ id: inspections.id, targetId: inspections.targetId });
  const idOf = (t: string) => rows.find((r) => r.targetId === t)?.id ?? '';
  return { visit: idOf(USCC_1), joint: idOf(USCC_2), other: idOf(USCC_3) };
}

/** A tiny valid PNG as a data URL (1×1). */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The SHA-256 of TINY_PNG's bytes, as the phone sends it with the upload (issue 15). */
export const TINY_PNG_SHA256 = createHash('sha256')
  .update(Buffer.from(TINY_PNG.slice(TINY_PNG.indexOf(',') + 1), 'base64'))
  .digest('hex');

/** The fields of a visit reply the tests read. */
export interface VisitBody {
  version: number;
  status: string;
  error?: { code: string; message: string; details?: { server?: VisitBody; issues?: { field: string }[] } };
  results?: { itemId: string; category: string | null }[];
  confirmations?: { inspectorId: string }[];
  suggestions?: { kind: string; deadline: string | null; provisional: boolean }[];
  countdown?: { deadline: string; provisional: boolean; workingDaysLeft: number; overdue: boolean };
  jointSummary?: { departmentCode: string; recorded: number }[];
}

/** Call the API and return status and the JSON body. */
export async function call<T = VisitBody>(
  app: App,
  who: LoggedIn | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  const res = await app.inject({
    method,
    url,
    ...(who === null ? {} : { headers: who.headers }),
    ...(payload === undefined ? {} : { payload: { ...payload } }),
  });
  return { status: res.statusCode, body: res.json<T>(), raw: res };
}

/** Record visit USCC_1 completely as insp_a (+ insp_a2's confirmation) so it can be submitted; returns the version. */
export async function recordCompleteVisit(
  app: App,
  a: LoggedIn,
  a2: LoggedIn,
  visit: string,
  category = '未发现问题',
): Promise<number> {
  let v = await call(app, a, 'GET', `/api/inspections/${visit}`);
  expect(v.status).toBe(200);
  v = await call(app, a, 'PUT', `/api/inspections/${visit}/draft`, {
    version: v.body.version,
    results: [
      {
        itemId: ITEM_A,
        category,
        categoryNote: category === '其他' ? '说明' : null,
        notes: '现场正常',
        answers: { licensed: true, area: 120 },
      },
    ],
    gps: { lat: 29.72, lng: 106.63, accuracy: 12, at: '2026-11-20T02:00:00.000Z' },
  });
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  const p = await call(app, a, 'POST', `/api/inspections/${visit}/photos`, {
    id: crypto.randomUUID(),
    itemId: ITEM_A,
    fieldKey: 'scene',
    image: TINY_PNG,
    sha256: TINY_PNG_SHA256,
    takenAt: '2026-11-20T02:01:00.000Z',
    lat: 29.72,
    lng: 106.63,
    accuracy: 8,
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  v = await call(app, a, 'PUT', `/api/inspections/${visit}/signature`, {
    version: v.body.version,
    signature: { kind: 'refused', reason: '负责人外出', at: '2026-11-20T02:05:00.000Z' },
  });
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  v = await call(app, a, 'POST', `/api/inspections/${visit}/confirm`, { version: v.body.version });
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  v = await call(app, a2, 'POST', `/api/inspections/${visit}/confirm`, { version: v.body.version });
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  return v.body.version;
}

/** The `result` entries of a task's public transparency log, parsed (ssj-log/1 §3.5). */
export async function publicResultEntries(app: App, taskId: string) {
  const log = await call<{ entries: { kind: string; entry: string }[] }>(
    app,
    null,
    'GET',
    `/api/public/log/tasks/${taskId}`,
  );
  const entry = z.object({
    inspections: z.array(z.string()),
    evidence: z.array(z.object({ inspection: z.string(), photo: z.string(), sha256: z.string() })),
  });
  return log.body.entries.filter((e) => e.kind === 'result').map((e) => entry.parse(JSON.parse(e.entry)));
}

/** Record the DEPT_C item of a visit directly, as a joint team would (a DEPT_A inspector cannot record it). */
export async function recordJointItem(database: Database, visit: string, at: Date): Promise<void> {
  await database.db.insert(inspectionResults).values({
    inspectionId: visit,
    itemId: ITEM_C,
    itemVersion: 1,
    departmentCode: DEPT_C,
    category: '未发现问题',
    answers: { registered: true },
    recordedBy: 'insp_c',
    recordedAt: at,
  });
}

/**
 * Record a visit completely (recordCompleteVisit, DEPT_A's item with `category`), add DEPT_C's
 * item as a joint team would, and submit it as `a`; returns the submitted version.
 */
export async function submitCompleteVisit(
  t: { readonly app: App; readonly database: Database; now(): Date },
  a: LoggedIn,
  a2: LoggedIn,
  visit: string,
  category: string,
): Promise<number> {
  const v = await recordCompleteVisit(t.app, a, a2, visit, category);
  await recordJointItem(t.database, visit, t.now());
  const sub = await call(t.app, a, 'POST', `/api/inspections/${visit}/submit`, { version: v });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return sub.body.version;
}
