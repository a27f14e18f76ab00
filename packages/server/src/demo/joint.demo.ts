/**
 * Demo joint-task opportunity (部门联合抽查, issue 6): two 渝北 departments each plan a year-end
 * (岁末年初) check of the district's elderly-care homes — 市场监管 their canteens' food safety
 * (together with vocational-training schools), 民政 their service safety — in overlapping December
 * 2026 windows. Both plans are approved and published THROUGH THE SERVICES with a moving clock,
 * and the tasks are left planned and un-merged, so that 联合抽查建议 lists them with the visits a
 * merger saves and an admin can propose it and the other accept it (进一次门、查多项事).
 * Call after seedWorkflowHistory: `await seedJointOpportunities(database, { config })`.
 */
import { taskSpecSchema, type DomainError, type Result, type Role } from '@openssj/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, findUserByUsername, type ServiceDeps } from '../contexts/platform';
import type { Database } from '../db/client';
import { queryOne } from '../db/sql';
import { jointSuggestions } from '../contexts/oversight';
import { createPlan, transitionPlan, createTask } from '../contexts/workflow';

/** GB/T 4754-2017 8514 老年人、残疾人养护服务: the elderly-care homes both departments inspect. */
export const ELDERLY_CARE = '8514';
/** GB/T 4754-2017 8391 职业技能培训: training schools with canteens, only in the 市场监管 task. */
export const VOCATIONAL_TRAINING = '8391';

/** The two tasks, for the tests and the e2e journey. */
export const JOINT_DEMO = {
  scjg: {
    department: '500112-SCJG',
    itemCode: '500112-SCJG-SX014', // 餐饮服务提供者监督检查 (key item: no ratio cap)
    title: '2026 年岁末年初养老和培训机构食堂食品安全抽查',
    industries: [ELDERLY_CARE, VOCATIONAL_TRAINING],
    ratio: '0.1',
    windowStart: '2026-12-14',
    windowEnd: '2026-12-31',
  },
  mz: {
    department: '500112-MZ',
    itemCode: '500112-MZ-SX003', // 养老机构服务安全的检查 (key item)
    title: '2026 年岁末年初养老机构服务安全检查',
    industries: [ELDERLY_CARE],
    ratio: '0.2',
    windowStart: '2026-12-21',
    windowEnd: '2026-12-31',
  },
} as const;

/** What the seeding wrote, for the loader's log line. */
export interface JointDemoSummary {
  readonly taskIds: readonly [string, string];
  /** The suggestion's estimate as 联合抽查建议 shows it. */
  readonly estimate: { alone: number; merged: number; saved: number; commonTargets: number };
}

function must<T>(r: Result<T, DomainError>, what: string): T {
  if (!r.ok) {
    throw new Error(
      `demo joint: ${what}: ${r.error.messageEn} ${JSON.stringify(r.error.details ?? r.error.issues ?? '')}`,
    );
  }
  return r.value;
}

/** Seed the two departments' overlapping, un-merged December 2026 tasks into a database with the demo history. */
export async function seedJointOpportunities(
  database: Database,
  deps: Omit<ServiceDeps, 'database' | 'clock'>,
  opts: { readonly log?: (line: string) => void } = {},
): Promise<JointDemoSummary> {
  const db = database.db;
  let now = new Date('2026-11-16T01:30:00.000Z');
  const d: ServiceDeps = { ...deps, database, clock: () => now };
  const nextDay = () => {
    now = new Date(now.getTime() + 86_400_000);
  };
  const actor = async (username: string, dept: string, role: Role): Promise<Actor> => {
    const u = await findUserByUsername(db, username);
    return {
      userId: u?.user.id ?? `demo:${username}`,
      username: u?.user.username ?? username,
      displayName: u?.user.displayName ?? username,
      departmentCode: u?.user.departmentCode ?? dept,
      regionCode: dept.slice(0, 6),
      roles: [role],
      sessionId: 'demo-joint',
    };
  };
  const ctx = (a: Actor) => ({ actor: a, requestId: 'demo-joint' });
  const itemId = async (code: string): Promise<string> => {
    const r = await queryOne(
      db,
      sql`SELECT id FROM inspection_items WHERE code = ${code}`,
      z.object({ id: z.string() }),
    );
    if (r === undefined) {
      throw new Error(`demo joint: no item ${code}`);
    }
    return r.id;
  };

  /** Plan with one task → submit → a leader approves → publish; returns the task id. */
  const publishedTask = async (
    a: Actor,
    leader: Actor,
    planTitle: string,
    t: (typeof JOINT_DEMO)['scjg' | 'mz'],
  ): Promise<string> => {
    const plan = must(await createPlan(d, ctx(a), { year: 2026, title: planTitle }), `plan ${planTitle}`);
    const spec = taskSpecSchema.parse({
      title: t.title,
      itemIds: [await itemId(t.itemCode)],
      scope: { divisions: ['500112'], industries: [...t.industries] },
      strata: [{ name: 'all', tiers: null, ratio: t.ratio }],
      windowStart: t.windowStart,
      windowEnd: t.windowEnd,
    });
    const task = must(await createTask(d, ctx(a), plan.id, spec), `task ${t.title}`);
    nextDay();
    must(await transitionPlan(d, ctx(a), plan.id, { action: 'submit' }), 'submit');
    nextDay();
    must(await transitionPlan(d, ctx(leader), plan.id, { action: 'approve' }), 'approve');
    must(await transitionPlan(d, ctx(a), plan.id, { action: 'publish' }), 'publish');
    return task.id;
  };

  const admin = await actor('admin', JOINT_DEMO.scjg.department, 'dept_admin');
  const a = await publishedTask(
    admin,
    await actor('leader', JOINT_DEMO.scjg.department, 'leader'),
    '渝北区市场监管局 2026 年岁末年初食品安全专项抽查计划',
    JOINT_DEMO.scjg,
  );
  now = new Date('2026-11-17T02:00:00.000Z');
  const b = await publishedTask(
    await actor('mz_admin', JOINT_DEMO.mz.department, 'dept_admin'),
    await actor('demo-mz-leader', JOINT_DEMO.mz.department, 'leader'),
    '渝北区民政局 2026 年岁末年初养老机构专项检查计划',
    JOINT_DEMO.mz,
  );
  // The suggestion the admin will see (and a check that the data makes one).
  const found = (await jointSuggestions(d, admin, 2026)).find(
    (s) => s.taskIds.includes(a) && s.taskIds.includes(b),
  );
  if (found === undefined || found.estimate.saved === 0) {
    throw new Error(`demo joint: no suggestion with visits saved for ${a} + ${b}`);
  }
  opts.log?.(`  joint suggestion ${a} + ${b}`);
  return { taskIds: [a, b], estimate: found.estimate };
}
