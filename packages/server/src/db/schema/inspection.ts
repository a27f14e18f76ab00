/** Inspection: visits, published results, results per item, photos, follow-ups and teammate confirmation codes. */
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { draws } from './draw';
import { targets } from './library';
import { tasks } from './workflow';

/** Inspections (检查): one visit to one drawn target, covering every department's items. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: text('target_id')
      .notNull()
      .references(() => targets.id),
    /** Year of the draw, for the yearly cap (spec §4 CAP_REACHED). */
    drawYear: integer('draw_year').notNull(),
    inspectors: text('inspectors').array().notNull(),
    plannedDate: date('planned_date', { mode: 'string' }),
    /** assigned → in_progress → submitted → (returned → submitted) → approved → published; cancelled with an abandoned draw */
    status: text('status').notNull().default('assigned'),
    visitedAt: ts('visited_at'),
    gps: jsonb('gps'),
    confirmations: jsonb('confirmations')
      .notNull()
      .default(sql`'[]'::jsonb`),
    businessSignature: jsonb('business_signature'),
    /** Optimistic concurrency: a stale draft never silently overwrites. */
    version: integer('version').notNull().default(1),
    submittedAt: ts('submitted_at'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    reviewComment: text('review_comment'),
    publishedAt: ts('published_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Distinct result categories recorded so far, sorted; kept by a trigger on inspection_results (dashboards, issue 6). */
    resultCategories: text('result_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Distinct items with a result, sorted; kept by the same trigger (item-list coverage). */
    resultItems: uuid('result_items')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    uniqueIndex('inspections_draw_target_uq').on(t.drawId, t.targetId),
    index('inspections_target_year_idx').on(t.targetId, t.drawYear),
    index('inspections_task_idx').on(t.taskId),
    // dashboards aggregate a year's inspections per task (issue 6)
    index('inspections_year_task_idx').on(t.drawYear, t.taskId),
    index('inspections_status_idx').on(t.status),
    index('inspections_inspectors_idx').using('gin', t.inspectors),
    // The public portal lists published results newest first by keyset (issue 5: fast at 1 M).
    index('inspections_published_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
    check(
      'inspections_status_chk',
      sql`${t.status} in ('assigned','in_progress','submitted','returned','approved','published','cancelled')`,
    ),
  ],
);

/**
 * The portal's search table of published results (issue 18): one row per published inspection
 * with the target's name, USCC and name grams; kept in step by triggers on inspections and targets.
 */
export const publishedResults = pgTable(
  'published_results',
  {
    inspectionId: uuid('inspection_id').primaryKey(),
    publishedAt: ts('published_at').notNull(),
    taskId: text('task_id').notNull(),
    targetId: text('target_id').notNull(),
    targetName: text('target_name').notNull(),
    uscc: text('uscc'),
    nameGrams: text('name_grams')
      .array()
      .generatedAlwaysAs(sql`ssj_name_grams(target_name)`),
  },
  (t) => [
    index('published_results_order_idx').on(t.publishedAt.desc(), t.inspectionId.desc()),
    index('published_results_grams_idx').using('gin', t.nameGrams),
    index('published_results_uscc_idx').on(sql`${t.uscc} text_pattern_ops`),
    index('published_results_target_idx').on(t.targetId),
    index('published_results_task_idx').on(t.taskId, t.publishedAt.desc(), t.inspectionId.desc()),
  ],
);

/** Results per item of an inspection (检查结果), recorded by the item's department. */
export const inspectionResults = pgTable(
  'inspection_results',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemId: uuid('item_id').notNull(),
    itemVersion: integer('item_version').notNull(),
    departmentCode: text('department_code').notNull(),
    category: text('category').notNull(),
    categoryNote: text('category_note'),
    notes: text('notes'),
    answers: jsonb('answers')
      .notNull()
      .default(sql`'{}'::jsonb`),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.itemId] }), index('results_category_idx').on(t.category)],
);

/** Photos taken during a visit, with time and browser GPS. Never public. */
export const inspectionPhotos = pgTable(
  'inspection_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemId: uuid('item_id'),
    fieldKey: text('field_key'),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    data: text('data').notNull(),
    takenAt: ts('taken_at').notNull(),
    lat: text('lat'),
    lng: text('lng'),
    by: text('by').notNull(),
  },
  (t) => [index('photos_inspection_idx').on(t.inspectionId)],
);

/** Follow-up actions (后续处置) tracked to closure. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    targetId: text('target_id').notNull(),
    departmentCode: text('department_code').notNull(),
    /** correction_order | case_referral | notify_department | abnormal_list | judicial_transfer */
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    /** The item whose finding this acts on, when there is one. */
    itemId: uuid('item_id'),
    /** notify_department: the department told. */
    notifyDepartmentCode: text('notify_department_code'),
    deadline: date('deadline', { mode: 'string' }),
    /** True when the deadline counted a year without a holiday table (暂定). */
    deadlineProvisional: boolean('deadline_provisional').notNull().default(false),
    status: text('status').notNull().default('open'),
    closedAt: ts('closed_at'),
    closedBy: text('closed_by'),
    closingNote: text('closing_note'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_department_idx').on(t.departmentCode, t.status),
    index('follow_ups_inspection_idx').on(t.inspectionId),
    index('follow_ups_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.status} = 'open'`),
    check(
      'follow_ups_kind_chk',
      sql`${t.kind} in ('correction_order','case_referral','notify_department','abnormal_list','judicial_transfer')`,
    ),
    check('follow_ups_status_chk', sql`${t.status} in ('open','closed')`),
  ],
);

/** One-time codes (6 digits, hashed) with which a teammate confirms a visit on the recording phone. */
export const confirmationCodes = pgTable(
  'confirmation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    inspectorId: text('inspector_id').notNull(),
    codeHash: text('code_hash').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: ts('issued_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('confirmation_codes_inspection_idx').on(t.inspectionId, t.inspectorId)],
);
