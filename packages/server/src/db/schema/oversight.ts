/** Oversight: joint inspection proposals and the dashboard rollups. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** A proposal to merge tasks of different departments into one joint task, accepted by every party. */
export const jointProposals = pg.pgTable(
  'joint_proposals',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    year: pg.integer('year').notNull(),
    /** The tasks to merge; the first one's department leads. */
    taskIds: pg.text('task_ids').array().notNull(),
    departments: pg.text('departments').array().notNull(),
    /** {department: {accept, by, at, comment}} as each party responds. */
    responses: pg
      .jsonb('responses')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The estimate shown when proposed: {alone, merged, saved, commonTargets}. */
    estimate: pg.jsonb('estimate').notNull(),
    /** open → accepted (joint task created) | declined */
    status: pg.text('status').notNull().default('open'),
    jointTaskId: pg.text('joint_task_id'),
    createdBy: pg.text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    pg.index('joint_proposals_year_idx').on(t.year, t.status),
    pg.check('joint_proposals_status_chk', sql`${t.status} in ('open','accepted','declined')`),
  ],
);

// Kept by statement-level triggers on inspections, inspection_results and follow_ups (migration
// 0010): each statement adds its rows' new contributions and subtracts their old ones, so the
// dashboards read a few thousand rollup rows instead of scanning every inspection.

/** Inspections per task and visit month (China time; '' = not visited yet): made, with results, with a problem. */
export const rollupTaskMonths = pg.pgTable(
  'rollup_task_months',
  {
    taskId: pg.text('task_id').notNull(),
    month: pg.text('month').notNull(),
    inspections: pg.integer('inspections').notNull().default(0),
    withResults: pg.integer('with_results').notNull().default(0),
    withProblem: pg.integer('with_problem').notNull().default(0),
  },
  (t) => [pg.primaryKey({ columns: [t.taskId, t.month] })],
);

/** Visits per task and inspector (badge), for the workload spread. */
export const rollupTaskInspectors = pg.pgTable(
  'rollup_task_inspectors',
  {
    taskId: pg.text('task_id').notNull(),
    inspector: pg.text('inspector').notNull(),
    visits: pg.integer('visits').notNull().default(0),
  },
  (t) => [pg.primaryKey({ columns: [t.taskId, t.inspector] })],
);

/** Inspections per task and result category (an inspection counts once per category it recorded). */
export const rollupTaskCategories = pg.pgTable(
  'rollup_task_categories',
  {
    taskId: pg.text('task_id').notNull(),
    category: pg.text('category').notNull(),
    inspections: pg.integer('inspections').notNull().default(0),
  },
  (t) => [pg.primaryKey({ columns: [t.taskId, t.category] })],
);

/** Inspections per task and item with a result, for item-list coverage. */
export const rollupTaskItems = pg.pgTable(
  'rollup_task_items',
  {
    taskId: pg.text('task_id').notNull(),
    itemId: pg.uuid('item_id').notNull(),
    inspections: pg.integer('inspections').notNull().default(0),
  },
  (t) => [pg.primaryKey({ columns: [t.taskId, t.itemId] })],
);

/** Follow-ups per task and department, and those closed. */
export const rollupTaskFollowUps = pg.pgTable(
  'rollup_task_follow_ups',
  {
    taskId: pg.text('task_id').notNull(),
    departmentCode: pg.text('department_code').notNull(),
    total: pg.integer('total').notNull().default(0),
    closed: pg.integer('closed').notNull().default(0),
  },
  (t) => [pg.primaryKey({ columns: [t.taskId, t.departmentCode] })],
);
