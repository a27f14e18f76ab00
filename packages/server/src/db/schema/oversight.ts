/** Oversight: joint inspection proposals and the dashboard rollups. */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** A proposal to merge tasks of different departments into one joint task, accepted by every party. */
export const jointProposals = pgTable(
  'joint_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    /** The tasks to merge; the first one's department leads. */
    taskIds: text('task_ids').array().notNull(),
    departments: text('departments').array().notNull(),
    /** {department: {accept, by, at, comment}} as each party responds. */
    responses: jsonb('responses')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The estimate shown when proposed: {alone, merged, saved, commonTargets}. */
    estimate: jsonb('estimate').notNull(),
    /** open → accepted (joint task created) | declined */
    status: text('status').notNull().default('open'),
    jointTaskId: text('joint_task_id'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('joint_proposals_year_idx').on(t.year, t.status),
    check('joint_proposals_status_chk', sql`${t.status} in ('open','accepted','declined')`),
  ],
);

// Kept by statement-level triggers on inspections, inspection_results and follow_ups (migration
// 0010): each statement adds its rows' new contributions and subtracts their old ones, so the
// dashboards read a few thousand rollup rows instead of scanning every inspection.

/** Inspections per task and visit month (China time; '' = not visited yet): made, with results, with a problem. */
export const rollupTaskMonths = pgTable(
  'rollup_task_months',
  {
    taskId: text('task_id').notNull(),
    month: text('month').notNull(),
    inspections: integer('inspections').notNull().default(0),
    withResults: integer('with_results').notNull().default(0),
    withProblem: integer('with_problem').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.month] })],
);

/** Visits per task and inspector (badge), for the workload spread. */
export const rollupTaskInspectors = pgTable(
  'rollup_task_inspectors',
  {
    taskId: text('task_id').notNull(),
    inspector: text('inspector').notNull(),
    visits: integer('visits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.inspector] })],
);

/** Inspections per task and result category (an inspection counts once per category it recorded). */
export const rollupTaskCategories = pgTable(
  'rollup_task_categories',
  {
    taskId: text('task_id').notNull(),
    category: text('category').notNull(),
    inspections: integer('inspections').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.category] })],
);

/** Inspections per task and item with a result, for item-list coverage. */
export const rollupTaskItems = pgTable(
  'rollup_task_items',
  {
    taskId: text('task_id').notNull(),
    itemId: uuid('item_id').notNull(),
    inspections: integer('inspections').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.itemId] })],
);

/** Follow-ups per task and department, and those closed. */
export const rollupTaskFollowUps = pgTable(
  'rollup_task_follow_ups',
  {
    taskId: text('task_id').notNull(),
    departmentCode: text('department_code').notNull(),
    total: integer('total').notNull().default(0),
    closed: integer('closed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.departmentCode] })],
);
