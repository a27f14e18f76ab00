/** Inspection: visits, published results, results per item, photos, follow-ups, teammate confirmation codes, and objections and credit repair. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { draws } from './draw';
import { targets } from './library';
import { tasks } from './workflow';

/** Inspections (检查): one visit to one drawn target, covering every department's items. */
export const inspections = pg.pgTable(
  'inspections',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    taskId: pg
      .text('task_id')
      .notNull()
      .references(() => tasks.id),
    drawId: pg
      .text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: pg
      .text('target_id')
      .notNull()
      .references(() => targets.id),
    /** Year of the draw, for the yearly cap (spec §4 CAP_REACHED). */
    drawYear: pg.integer('draw_year').notNull(),
    inspectors: pg.text('inspectors').array().notNull(),
    plannedDate: pg.date('planned_date', { mode: 'string' }),
    /** assigned → in_progress → submitted → (returned → submitted) → approved → published; cancelled with an abandoned draw */
    status: pg.text('status').notNull().default('assigned'),
    visitedAt: ts('visited_at'),
    gps: pg.jsonb('gps'),
    confirmations: pg
      .jsonb('confirmations')
      .notNull()
      .default(sql`'[]'::jsonb`),
    businessSignature: pg.jsonb('business_signature'),
    /** onsite | document | online | video (issue 15): all but onsite are 非现场检查, made without a visit. */
    method: pg.text('method').notNull().default('onsite'),
    /** What a remote inspection looked at: the documents reviewed, or the call. */
    remoteEvidence: pg.text('remote_evidence'),
    /** Optimistic concurrency: a stale draft never silently overwrites. */
    version: pg.integer('version').notNull().default(1),
    submittedAt: ts('submitted_at'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: pg.text('reviewed_by'),
    reviewComment: pg.text('review_comment'),
    publishedAt: ts('published_at'),
    /** The code on the inspection notice: with the USCC it identifies the business on the portal (issue 16 part 2). */
    noticeCode: pg
      .text('notice_code')
      .notNull()
      .default(sql`upper(substr(md5(gen_random_uuid()::text), 1, 10))`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Distinct result categories recorded so far, sorted; kept by a trigger on inspection_results (dashboards, issue 6). */
    resultCategories: pg
      .text('result_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Distinct items with a result, sorted; kept by the same trigger (item-list coverage). */
    resultItems: pg
      .uuid('result_items')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    pg.uniqueIndex('inspections_draw_target_uq').on(t.drawId, t.targetId),
    pg.index('inspections_target_year_idx').on(t.targetId, t.drawYear),
    pg.index('inspections_task_idx').on(t.taskId),
    // dashboards aggregate a year's inspections per task (issue 6)
    pg.index('inspections_year_task_idx').on(t.drawYear, t.taskId),
    pg.index('inspections_status_idx').on(t.status),
    pg.index('inspections_inspectors_idx').using('gin', t.inspectors),
    // The public portal lists published results newest first by keyset (issue 5: fast at 1 M).
    pg
      .index('inspections_published_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
    pg
      .index('inspections_remote_idx')
      .on(t.taskId)
      .where(sql`${t.method} <> 'onsite'`),
    pg.check('inspections_method_chk', sql`${t.method} in ('onsite','document','online','video')`),
    pg.check(
      'inspections_status_chk',
      sql`${t.status} in ('assigned','in_progress','submitted','returned','approved','published','cancelled')`,
    ),
  ],
);

/**
 * The portal's search table of published results (issue 18): one row per published inspection
 * with the target's name, USCC and name grams; kept in step by triggers on inspections and targets.
 */
export const publishedResults = pg.pgTable(
  'published_results',
  {
    inspectionId: pg.uuid('inspection_id').primaryKey(),
    publishedAt: ts('published_at').notNull(),
    taskId: pg.text('task_id').notNull(),
    targetId: pg.text('target_id').notNull(),
    targetName: pg.text('target_name').notNull(),
    uscc: pg.text('uscc'),
    nameGrams: pg
      .text('name_grams')
      .array()
      .generatedAlwaysAs(sql`ssj_name_grams(target_name)`),
  },
  (t) => [
    pg.index('published_results_order_idx').on(t.publishedAt.desc(), t.inspectionId.desc()),
    pg.index('published_results_grams_idx').using('gin', t.nameGrams),
    pg.index('published_results_uscc_idx').on(sql`${t.uscc} text_pattern_ops`),
    pg.index('published_results_target_idx').on(t.targetId),
    pg.index('published_results_task_idx').on(t.taskId, t.publishedAt.desc(), t.inspectionId.desc()),
  ],
);

/** Results per item of an inspection (检查结果), recorded by the item's department. */
export const inspectionResults = pg.pgTable(
  'inspection_results',
  {
    inspectionId: pg
      .uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemId: pg.uuid('item_id').notNull(),
    itemVersion: pg.integer('item_version').notNull(),
    departmentCode: pg.text('department_code').notNull(),
    category: pg.text('category').notNull(),
    categoryNote: pg.text('category_note'),
    notes: pg.text('notes'),
    answers: pg
      .jsonb('answers')
      .notNull()
      .default(sql`'{}'::jsonb`),
    recordedBy: pg.text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.inspectionId, t.itemId] }),
    pg.index('results_category_idx').on(t.category),
  ],
);

/** Photos taken during a visit, with time and browser GPS. Never public. */
export const inspectionPhotos = pg.pgTable(
  'inspection_photos',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    inspectionId: pg
      .uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    itemId: pg.uuid('item_id'),
    fieldKey: pg.text('field_key'),
    mime: pg.text('mime').notNull(),
    bytes: pg.integer('bytes').notNull(),
    data: pg.text('data').notNull(),
    takenAt: ts('taken_at').notNull(),
    lat: pg.text('lat'),
    lng: pg.text('lng'),
    by: pg.text('by').notNull(),
    /** SHA-256 of the photo's bytes, hashed on the phone before upload and checked on receipt (issue 15). */
    sha256: pg.text('sha256').notNull(),
    /** The GPS fix's accuracy in metres, when the phone gave one. */
    accuracy: pg.doublePrecision('accuracy'),
    /** When the server received the photo (null for photos from before issue 15). */
    receivedAt: ts('received_at'),
  },
  (t) => [pg.index('photos_inspection_idx').on(t.inspectionId)],
);

/** Follow-up actions (后续处置) tracked to closure. */
export const followUps = pg.pgTable(
  'follow_ups',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    inspectionId: pg
      .uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    targetId: pg.text('target_id').notNull(),
    departmentCode: pg.text('department_code').notNull(),
    /** correction_order | case_referral | notify_department | abnormal_list | judicial_transfer */
    kind: pg.text('kind').notNull(),
    detail: pg.text('detail').notNull(),
    /** The item whose finding this acts on, when there is one. */
    itemId: pg.uuid('item_id'),
    /** notify_department: the department told. */
    notifyDepartmentCode: pg.text('notify_department_code'),
    deadline: pg.date('deadline', { mode: 'string' }),
    /** True when the deadline counted a year without a holiday table (暂定). */
    deadlineProvisional: pg.boolean('deadline_provisional').notNull().default(false),
    status: pg.text('status').notNull().default('open'),
    closedAt: ts('closed_at'),
    closedBy: pg.text('closed_by'),
    closingNote: pg.text('closing_note'),
    createdBy: pg.text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    pg.index('follow_ups_department_idx').on(t.departmentCode, t.status),
    pg.index('follow_ups_inspection_idx').on(t.inspectionId),
    pg
      .index('follow_ups_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.status} = 'open'`),
    pg.check(
      'follow_ups_kind_chk',
      sql`${t.kind} in ('correction_order','case_referral','notify_department','abnormal_list','judicial_transfer')`,
    ),
    pg.check('follow_ups_status_chk', sql`${t.status} in ('open','closed')`),
  ],
);

/** One-time codes (6 digits, hashed) with which a teammate confirms a visit on the recording phone. */
export const confirmationCodes = pg.pgTable(
  'confirmation_codes',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    inspectionId: pg
      .uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    inspectorId: pg.text('inspector_id').notNull(),
    codeHash: pg.text('code_hash').notNull(),
    issuedBy: pg.text('issued_by').notNull(),
    issuedAt: ts('issued_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    attempts: pg.integer('attempts').notNull().default(0),
  },
  (t) => [pg.index('confirmation_codes_inspection_idx').on(t.inspectionId, t.inspectorId)],
);

/** Objections (异议) and credit-repair applications (信用修复) on published results (issue 16 part 2). */
export const resultAppeals = pg.pgTable(
  'result_appeals',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    inspectionId: pg
      .uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    targetId: pg
      .text('target_id')
      .notNull()
      .references(() => targets.id),
    /** objection | credit_repair */
    kind: pg.text('kind').notNull(),
    /** pending → upheld | corrected | withdrawn (objection), approved | rejected (credit repair) */
    status: pg.text('status').notNull().default('pending'),
    text: pg.text('text').notNull(),
    contact: pg.text('contact').notNull(),
    filedAt: ts('filed_at').notNull(),
    /** The reviewing leader's deadline, in working days from filing. */
    dueOn: pg.date('due_on', { mode: 'string' }).notNull(),
    dueProvisional: pg.boolean('due_provisional').notNull().default(false),
    /** The leader who reviewed the result, who decides first. */
    assignedTo: pg.text('assigned_to'),
    decidedAt: ts('decided_at'),
    decidedBy: pg.text('decided_by'),
    reason: pg.text('reason'),
    /** corrected: each item's category before and after. */
    corrections: pg
      .jsonb('corrections')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** approved: the finding stops counting in the risk score from this day. */
    effectiveFrom: pg.date('effective_from', { mode: 'string' }),
  },
  (t) => [
    pg.index('result_appeals_inspection_idx').on(t.inspectionId, t.filedAt),
    pg.index('result_appeals_target_idx').on(t.targetId),
    pg
      .index('result_appeals_pending_idx')
      .on(t.dueOn)
      .where(sql`${t.status} = 'pending'`),
    pg.check('result_appeals_kind_chk', sql`${t.kind} in ('objection','credit_repair')`),
    pg.check(
      'result_appeals_status_chk',
      sql`${t.status} in ('pending','upheld','corrected','withdrawn','approved','rejected')`,
    ),
  ],
);

/** Files sent with an objection or a repair application (images or PDF, stored as base64 like photos). */
export const appealAttachments = pg.pgTable(
  'appeal_attachments',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    appealId: pg
      .uuid('appeal_id')
      .notNull()
      .references(() => resultAppeals.id),
    fileName: pg.text('file_name').notNull(),
    mime: pg.text('mime').notNull(),
    bytes: pg.integer('bytes').notNull(),
    sha256: pg.text('sha256').notNull(),
    data: pg.text('data').notNull(),
  },
  (t) => [pg.index('appeal_attachments_appeal_idx').on(t.appealId)],
);
