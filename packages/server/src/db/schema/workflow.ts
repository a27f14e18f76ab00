/** Workflow: annual plans and their revisions, tasks with their items and participating departments. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { inspectionItems } from './library';
import { departments } from './platform';

/** Annual plans (年度抽查计划) of a department. */
export const plans = pg.pgTable(
  'plans',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    year: pg.integer('year').notNull(),
    title: pg.text('title').notNull(),
    /** draft → submitted → approved → published; revising after a published plan is reopened. */
    status: pg.text('status').notNull().default('draft'),
    revision: pg.integer('revision').notNull().default(0),
    submittedAt: ts('submitted_at'),
    submittedBy: pg.text('submitted_by'),
    approvedAt: ts('approved_at'),
    approvedBy: pg.text('approved_by'),
    publishedAt: ts('published_at'),
    returnComment: pg.text('return_comment'),
    createdBy: pg.text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    pg.index('plans_department_year_idx').on(t.departmentCode, t.year),
    pg.check('plans_status_chk', sql`${t.status} in ('draft','submitted','approved','published','revising')`),
  ],
);

/** Revisions of a published plan, with their reason and a snapshot (visible on the portal). */
export const planRevisions = pg.pgTable(
  'plan_revisions',
  {
    planId: pg
      .uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    revision: pg.integer('revision').notNull(),
    reason: pg.text('reason').notNull(),
    snapshot: pg.jsonb('snapshot').notNull(),
    createdBy: pg.text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [pg.primaryKey({ columns: [t.planId, t.revision] })],
);

/** Tasks (抽查任务): items, scope, strata, window, lead and participating departments. */
export const tasks = pg.pgTable(
  'tasks',
  {
    /** Human-readable, e.g. T-2026-0001. */
    id: pg.text('id').primaryKey(),
    planId: pg
      .uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    leadDepartmentCode: pg
      .text('lead_department_code')
      .notNull()
      .references(() => departments.code),
    title: pg.text('title').notNull(),
    /** Scope filters: types, divisions, industries, tags, statuses, claimedBy (zod-parsed in core). */
    scope: pg.jsonb('scope').notNull(),
    /** Strata: [{ name, tiers, ratio, min, max }] in the task's order. */
    strata: pg.jsonb('strata').notNull(),
    /** Which tier a stratum uses: computed or imported (issue 6). */
    tierSource: pg.text('tier_source'),
    windowStart: pg.date('window_start', { mode: 'string' }).notNull(),
    windowEnd: pg.date('window_end', { mode: 'string' }).notNull(),
    jurisdictionRule: pg.boolean('jurisdiction_rule').notNull().default(false),
    /** Team quota {department: n} (spec §5). */
    quota: pg.jsonb('quota').notNull(),
    crossRegion: pg.boolean('cross_region').notNull().default(false),
    /** planned → drawing → inspecting → reviewing → published (derived steps are recorded here). */
    status: pg.text('status').notNull().default('planned'),
    resultsPublishedAt: ts('results_published_at'),
    createdBy: pg.text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    pg.index('tasks_plan_idx').on(t.planId),
    pg.index('tasks_lead_idx').on(t.leadDepartmentCode),
    pg.index('tasks_window_idx').on(t.windowEnd),
    // dashboards filter tasks by period (issue 6)
    pg.index('tasks_window_start_idx').on(t.windowStart),
  ],
);

/** The item versions a task uses (tasks keep the version they used). */
export const taskItems = pg.pgTable(
  'task_items',
  {
    taskId: pg
      .text('task_id')
      .notNull()
      .references(() => tasks.id),
    itemId: pg
      .uuid('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    itemVersion: pg.integer('item_version').notNull(),
    departmentCode: pg.text('department_code').notNull(),
  },
  (t) => [pg.primaryKey({ columns: [t.taskId, t.itemId] })],
);

/** Participating departments of a joint task, with their acceptance. */
export const taskParticipants = pg.pgTable(
  'task_participants',
  {
    taskId: pg
      .text('task_id')
      .notNull()
      .references(() => tasks.id),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    /** pending | accepted | declined */
    status: pg.text('status').notNull().default('pending'),
    respondedBy: pg.text('responded_by'),
    respondedAt: ts('responded_at'),
    comment: pg.text('comment'),
  },
  (t) => [
    pg.primaryKey({ columns: [t.taskId, t.departmentCode] }),
    pg.index('participants_department_idx').on(t.departmentCode),
  ],
);
