/** Workflow: annual plans and their revisions, tasks with their items and participating departments. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { inspectionItems } from './library';
import { departments } from './platform';

/** Annual plans (年度抽查计划) of a department. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft → submitted → approved → published; revising after a published plan is reopened. */
    status: text('status').notNull().default('draft'),
    revision: integer('revision').notNull().default(0),
    submittedAt: ts('submitted_at'),
    submittedBy: text('submitted_by'),
    approvedAt: ts('approved_at'),
    approvedBy: text('approved_by'),
    publishedAt: ts('published_at'),
    returnComment: text('return_comment'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('plans_department_year_idx').on(t.departmentCode, t.year),
    check('plans_status_chk', sql`${t.status} in ('draft','submitted','approved','published','revising')`),
  ],
);

/** Revisions of a published plan, with their reason and a snapshot (visible on the portal). */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.revision] })],
);

/** Tasks (抽查任务): items, scope, strata, window, lead and participating departments. */
export const tasks = pgTable(
  'tasks',
  {
    /** Human-readable, e.g. T-2026-0001. */
    id: text('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    leadDepartmentCode: text('lead_department_code')
      .notNull()
      .references(() => departments.code),
    title: text('title').notNull(),
    /** Scope filters: types, divisions, industries, tags, statuses, claimedBy (zod-parsed in core). */
    scope: jsonb('scope').notNull(),
    /** Strata: [{ name, tiers, ratio, min, max }] in the task's order. */
    strata: jsonb('strata').notNull(),
    /** Which tier a stratum uses: computed or imported (issue 6). */
    tierSource: text('tier_source'),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    jurisdictionRule: boolean('jurisdiction_rule').notNull().default(false),
    /** Team quota {department: n} (spec §5). */
    quota: jsonb('quota').notNull(),
    crossRegion: boolean('cross_region').notNull().default(false),
    /** planned → drawing → inspecting → reviewing → published (derived steps are recorded here). */
    status: text('status').notNull().default('planned'),
    resultsPublishedAt: ts('results_published_at'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('tasks_plan_idx').on(t.planId),
    index('tasks_lead_idx').on(t.leadDepartmentCode),
    index('tasks_window_idx').on(t.windowEnd),
    // dashboards filter tasks by period (issue 6)
    index('tasks_window_start_idx').on(t.windowStart),
  ],
);

/** The item versions a task uses (tasks keep the version they used). */
export const taskItems = pgTable(
  'task_items',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    itemVersion: integer('item_version').notNull(),
    departmentCode: text('department_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.itemId] })],
);

/** Participating departments of a joint task, with their acceptance. */
export const taskParticipants = pgTable(
  'task_participants',
  {
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    /** pending | accepted | declined */
    status: text('status').notNull().default('pending'),
    respondedBy: text('responded_by'),
    respondedAt: ts('responded_at'),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.departmentCode] }),
    index('participants_department_idx').on(t.departmentCode),
  ],
);
