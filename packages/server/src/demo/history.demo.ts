/**
 * A year of workflow history for the demo (issue 5): 2026 plans of several departments, their
 * tasks, and past draws — including a joint task, an abandoned draw superseded by the next, and
 * a draw seeded from the system CSPRNG — created THROUGH THE SERVICES with a moving clock, so
 * every record verifies. Inspections are left `assigned` for the inspection half to fill.
 * Call after seedDemo: `await seedWorkflowHistory(database, deps)`.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, findUserByUsername, type ServiceDeps } from '../contexts/platform';
import type { Database } from '../db/client';
import { queryOne, queryRows } from '../db/sql';
import {
  commitFrozenDraw,
  decideAbandon,
  requestAbandon,
  runCommittedDraw,
  freezeDraw,
} from '../contexts/draw';
import { createPlan, transitionPlan, createTask, respondToTask } from '../contexts/workflow';
import { taskSpecSchema, type Result, type DomainError, type Role } from '@openssj/core';

/** What the history wrote, for the loader's log line. */
export interface HistorySummary {
  readonly plans: number;
  readonly tasks: number;
  readonly draws: number;
  readonly inspections: number;
}

const TIERED = [
  { name: 'A', tiers: ['A'], ratio: '0.01' },
  { name: 'B', tiers: ['B'], ratio: '0.02' },
  { name: 'C', tiers: ['C'], ratio: '0.03' },
  { name: 'D', tiers: ['D', 'unrated'], ratio: '0.05' },
];
const WITNESSES = [
  { name: '周公证', role: '公证员' },
  { name: '吴某某', role: '企业代表' },
];

let logLine: ((line: string) => void) | undefined;

function must<T>(r: Result<T, DomainError>, what: string): T {
  logLine?.(`  ${what}`);
  if (!r.ok) {
    throw new Error(
      `demo history: ${what}: ${r.error.messageEn} ${JSON.stringify(r.error.details ?? r.error.issues ?? '')}`,
    );
  }
  return r.value;
}

/** Seed the 2026 workflow history into a database that seedDemo has filled. */
export async function seedWorkflowHistory(
  database: Database,
  deps: Omit<ServiceDeps, 'database' | 'clock'> & Partial<Pick<ServiceDeps, 'clock'>>,
  opts: { readonly log?: (line: string) => void } = {},
): Promise<HistorySummary> {
  const db = database.db;
  logLine = opts.log;
  let now = new Date('2026-01-12T01:30:00.000Z');
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
      departmentCode: u?.user.departmentCode ?? dept,
      regionCode: dept.slice(0, 6),
      roles: [role],
      sessionId: 'demo-history',
    };
  };
  const ctx = (a: Actor) => ({ actor: a, requestId: 'demo-history' });
  const item = async (dept: string, priority: 'key' | 'general'): Promise<string> => {
    const r = await queryOne(
      db,
      sql`SELECT i.id FROM inspection_items i JOIN inspection_item_versions v ON v.item_id = i.id AND v.version = i.current_version
          WHERE i.department_code = ${dept} AND v.priority = ${priority} AND (v.ratio_cap IS NULL OR v.ratio_cap::numeric >= 0.05) ORDER BY i.code LIMIT 1`,
      z.object({ id: z.string() }),
    );
    if (r === undefined) {
      throw new Error(`demo history: no ${priority} item of ${dept}`);
    }
    return r.id;
  };
  // The commonest tags of a sample of 500112's targets (a full unnest over the district is slow on PGlite).
  const sample = await queryRows(
    db,
    sql`SELECT tags FROM targets WHERE division_code = '500112' ORDER BY id LIMIT 3000`,
    z.object({ tags: z.array(z.string()) }),
  );
  const tally = new Map<string, number>();
  for (const tg of sample.flatMap((r) => r.tags)) {
    tally.set(tg, (tally.get(tg) ?? 0) + 1);
  }
  const topTags = [...tally.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const tag = (i: number): string | undefined => topTags[i] ?? topTags[0];
  const scope = (division: string, t: string | undefined) => ({
    divisions: [division],
    ...(t === undefined ? {} : { tags: [t] }),
  });

  const admin = await actor('admin', '500112-SCJG', 'dept_admin');
  const leader = await actor('leader', '500112-SCJG', 'leader');
  const mz = await actor('mz_admin', '500112-MZ', 'dept_admin');
  let plans = 0;
  let tasks = 0;
  let draws = 0;

  /** Plan → tasks → submit → approve → publish. */
  const publishedPlan = async (
    a: Actor,
    l: Actor,
    title: string,
    specs: readonly Record<string, unknown>[],
  ) => {
    const plan = must(await createPlan(d, ctx(a), { year: 2026, title }), 'plan');
    plans++;
    const ids: string[] = [];
    for (const s of specs) {
      ids.push(
        must(await createTask(d, ctx(a), plan.id, taskSpecSchema.parse(s)), `task ${String(s['title'])}`).id,
      );
      tasks++;
    }
    now = new Date(now.getTime() + 86_400_000);
    must(await transitionPlan(d, ctx(a), plan.id, { action: 'submit' }), 'submit');
    now = new Date(now.getTime() + 86_400_000);
    must(await transitionPlan(d, ctx(l), plan.id, { action: 'approve' }), 'approve');
    must(await transitionPlan(d, ctx(a), plan.id, { action: 'publish' }), 'publish');
    return ids;
  };
  /** Freeze → commit → run at a moment. */
  const ceremony = async (
    a: Actor,
    taskId: string,
    day: string,
    seed:
      | { seedSource: 'dice'; dice: string }
      | { seedSource: 'system' }
      | { seedSource: 'beacon'; round: string; value: string },
  ) => {
    at(`${day}T01:30:00.000Z`);
    const frozen = must(await freezeDraw(d, ctx(a), taskId, { manualExclusions: [] }), `freeze ${taskId}`);
    at(`${day}T01:40:00.000Z`);
    const commitInput =
      seed.seedSource === 'beacon'
        ? { seedSource: 'beacon' as const, seedPlan: seed.round }
        : { seedSource: seed.seedSource };
    must(await commitFrozenDraw(d, ctx(a), frozen.id, commitInput), `commit ${frozen.id}`);
    at(`${day}T02:00:00.000Z`);
    const raw =
      seed.seedSource === 'dice' ? seed.dice : seed.seedSource === 'beacon' ? seed.value : undefined;
    must(
      await runCommittedDraw(d, ctx(a), frozen.id, {
        ...(raw === undefined ? {} : { seed: raw }),
        witnesses: WITNESSES,
      }),
      `draw ${frozen.id}`,
    );
    draws++;
    return frozen.id;
  };

  const general = await item('500112-SCJG', 'general');
  const key = await item('500112-SCJG', 'key');
  const mzItem = await item('500112-MZ', 'general').catch(async () => item('500112-MZ', 'key'));
  at('2026-01-12T01:30:00.000Z');
  const [q1, q2, joint, q4] = await publishedPlan(admin, leader, '渝北区市场监管局 2026 年度双随机抽查计划', [
    {
      title: '2026 年一季度食品经营者双随机抽查',
      itemIds: [general],
      scope: scope('500112', tag(0)),
      strata: TIERED,
      windowStart: '2026-03-02',
      windowEnd: '2026-04-30',
      jurisdictionRule: true,
    },
    {
      title: '2026 年二季度特种设备使用单位抽查',
      itemIds: [key],
      scope: scope('500112', tag(1)),
      strata: [{ name: 'all', tiers: null, ratio: '0.02' }],
      windowStart: '2026-05-06',
      windowEnd: '2026-06-30',
    },
    {
      title: '2026 年养老服务机构部门联合抽查',
      itemIds: [general, mzItem],
      participants: ['500112-MZ'],
      scope: scope('500112', tag(2)),
      strata: [{ name: 'all', tiers: null, ratio: '0.03' }],
      windowStart: '2026-07-01',
      windowEnd: '2026-08-31',
    },
    {
      title: '2026 年四季度产品质量双随机抽查',
      itemIds: [general],
      scope: scope('500112', tag(0)),
      strata: TIERED,
      windowStart: '2026-11-02',
      windowEnd: '2026-12-18',
    },
  ]);
  if (q1 === undefined || q2 === undefined || joint === undefined || q4 === undefined) {
    throw new Error('demo history: tasks missing');
  }
  await ceremony(admin, q1, '2026-02-26', {
    seedSource: 'dice',
    dice: '3 1 4 1 5 9 2 6 5 3 5 8 9 7 9 3 2 3 8 4 6 2',
  });
  // Q2: the first draw is abandoned (wrong beacon round named) on the admin's request and the
  // leader's approval; the next one supersedes it.
  const first = await ceremony(admin, q2, '2026-04-28', {
    seedSource: 'beacon',
    round: 'drand quicknet round 18500000',
    value: '9f2c8b61d0a3e7c45b18f06a2d9e3c7b',
  });
  at('2026-04-29T01:00:00.000Z');
  const asked = must(
    await requestAbandon(d, ctx(admin), first, { reason: '信标轮次在承诺前已公布，按规定作废并重新摇号' }),
    'ask to abandon',
  );
  at('2026-04-29T02:30:00.000Z');
  must(
    await decideAbandon(d, ctx(leader), asked.id, { decision: 'approve', comment: '同意作废，次日重新摇号' }),
    'approve the abandonment',
  );
  await ceremony(admin, q2, '2026-04-30', { seedSource: 'system' });
  at('2026-06-15T01:00:00.000Z');
  must(await respondToTask(d, ctx(mz), joint, { accept: true, comment: '同意联合检查' }), 'accept');
  await ceremony(admin, joint, '2026-06-24', {
    seedSource: 'dice',
    dice: '２７１８２８１８２８４５９０４５２３５３６',
  });

  // Another district and a second 500112 department, for the city-wide view and its overlaps.
  const yzAdmin = await actor('demo-yz-admin', '500103-SCJG', 'dept_admin');
  const yzLeader = await actor('demo-yz-leader', '500103-SCJG', 'leader');
  at('2026-01-20T01:30:00.000Z');
  const [yz] = await publishedPlan(yzAdmin, yzLeader, '渝中区市场监管局 2026 年度双随机抽查计划', [
    {
      title: '2026 年渝中区食品经营者抽查',
      itemIds: [await item('500103-SCJG', 'general')],
      scope: scope('500103', undefined),
      strata: [{ name: 'all', tiers: null, ratio: '0.01' }],
      windowStart: '2026-04-01',
      windowEnd: '2026-05-31',
    },
  ]);
  if (yz !== undefined) {
    await ceremony(yzAdmin, yz, '2026-03-25', { seedSource: 'dice', dice: '14142135623730950488016887' });
  }
  const xfAdmin = await actor('xf_admin', '500112-XF', 'dept_admin');
  const xfLeader = await actor('demo-xf-leader', '500112-XF', 'leader');
  at('2026-02-03T01:30:00.000Z');
  await publishedPlan(xfAdmin, xfLeader, '渝北区消防救援支队 2026 年度双随机抽查计划', [
    {
      title: '2026 年四季度人员密集场所消防安全抽查',
      itemIds: [await item('500112-XF', 'key').catch(async () => item('500112-XF', 'general'))],
      scope: scope('500112', tag(0)),
      strata: [{ name: 'all', tiers: null, ratio: '0.02' }],
      windowStart: '2026-11-09',
      windowEnd: '2026-12-11',
    },
  ]);
  const n = await queryOne(
    db,
    sql`SELECT count(*) AS n FROM inspections`,
    z.object({ n: z.coerce.number() }),
  );
  return { plans, tasks, draws, inspections: n?.n ?? 0 };
}
