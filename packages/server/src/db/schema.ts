/**
 * The database schema (Drizzle pg-core). One schema for PGlite and PostgreSQL 15+.
 * Migrations in db/migrations are generated from it with drizzle-kit and never edited.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Administrative regions (GB/T 2260): province → city → district. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [
    check('regions_level_chk', sql`${t.level} in ('province','city','district')`),
    index('regions_parent_idx').on(t.parentCode),
  ],
);

/** Departments (市场监管局, 消防救援支队, …); codes carry their region, e.g. 500112-SCJG. */
export const departments = pgTable(
  'departments',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('departments_region_idx').on(t.regionCode)],
);

/** Units inside a department (e.g. 市场监管所), used by 所所交叉. */
export const units = pgTable(
  'units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
  },
  (t) => [index('units_department_idx').on(t.departmentCode)],
);

/** Staff accounts. One department, one or more roles. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    roles: text('roles').array().notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    inspectorBadge: text('inspector_badge'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    // set when an administrator chose the password (new account, reset); cleared by the user's own change
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    index('users_department_idx').on(t.departmentCode),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained audit trail (全程留痕). No UPDATE, no DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    departmentCode: text('department_code'),
    /** The department owning the changed resource when it is not the editor's (issue 10, migration 0012). */
    ownerDepartment: text('owner_department'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_at_idx').on(t.at),
    index('audit_department_idx').on(t.departmentCode),
    index('audit_owner_department_idx').on(t.ownerDepartment),
  ],
);

/** Admin-kept holiday calendar for years `chinese-days` does not cover. */
export const holidayCalendar = pgTable(
  'holiday_calendar',
  {
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.day] }),
    check('holiday_kind_chk', sql`${t.kind} in ('holiday','workday')`),
  ],
);

/** Key–value settings per region (default ratio cap, yearly cap, …). */
export const settings = pgTable(
  'settings',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// ─── 一单两库一指引: item list, target library, inspector library, guidelines (issue 3) ───

/** Inspection items (随机抽查事项); the content lives in versions. */
export const inspectionItems = pgTable(
  'inspection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    code: text('code').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    published: boolean('published').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('items_dept_code_uq').on(t.departmentCode, t.code)],
);

/** One version of an item; tasks keep the version they used. Guideline and form included. */
export const inspectionItemVersions = pgTable(
  'inspection_item_versions',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    priority: text('priority').notNull(),
    /** Canonical decimal ratio cap (e.g. "0.1"); null for key items. */
    ratioCap: text('ratio_cap'),
    legalBasis: text('legal_basis').notNull(),
    legalRefs: text('legal_refs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    method: text('method').notNull(),
    targetTypes: text('target_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    industries: text('industries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    guideline: jsonb('guideline').notNull(),
    changeNote: text('change_note'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.version] }),
    check('item_priority_chk', sql`${t.priority} in ('key','general')`),
    check('item_method_chk', sql`${t.method} in ('document','onsite','online')`),
    check('item_cap_chk', sql`${t.priority} = 'key' or ${t.ratioCap} is not null`),
  ],
);

/** Target library (检查对象名录库). Id: USCC for market entities, `<type>:<code>` otherwise. */
export const targets = pgTable(
  'targets',
  {
    id: text('id').primaryKey(),
    uscc: text('uscc'),
    type: text('type').notNull(),
    name: text('name').notNull(),
    divisionCode: text('division_code').notNull(),
    address: text('address').notNull().default(''),
    industryCode: text('industry_code'),
    legalRep: text('legal_rep'),
    status: text('status').notNull().default('在营'),
    statusDate: date('status_date', { mode: 'string' }),
    supervisingUnit: text('supervising_unit'),
    riskTier: text('risk_tier'),
    tierSource: text('tier_source'),
    tierDate: date('tier_date', { mode: 'string' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** The name's character unigrams and bigrams, stored when the name is written (issue 18). */
    nameGrams: text('name_grams')
      .array()
      .generatedAlwaysAs(sql`ssj_name_grams(name)`),
  },
  (t) => [
    uniqueIndex('targets_uscc_uq').on(t.uscc),
    index('targets_name_grams_idx').using('gin', t.nameGrams),
    index('targets_uscc_prefix_idx').on(sql`${t.uscc} text_pattern_ops`),
    index('targets_division_idx').on(t.divisionCode),
    index('targets_industry_idx').on(t.industryCode),
    index('targets_status_idx').on(t.status),
    index('targets_unit_idx').on(t.supervisingUnit),
    index('targets_tags_idx').using('gin', t.tags),
    check('targets_status_chk', sql`${t.status} in ('在营','注销','吊销','撤销','迁出')`),
    check('targets_tier_chk', sql`${t.riskTier} is null or ${t.riskTier} in ('A','B','C','D')`),
    check(
      'targets_type_chk',
      sql`${t.type} in ('企业','个体工商户','农民专业合作社','其他组织','产品','项目','行为')`,
    ),
  ],
);

/** Dated status changes: a deregistered target leaves future frames but keeps its history. */
export const targetStatusHistory = pgTable(
  'target_status_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    targetId: text('target_id')
      .notNull()
      .references(() => targets.id),
    status: text('status').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('target_status_target_idx').on(t.targetId)],
);

/** Claims (认领): which departments supervise a target. */
export const targetClaims = pgTable(
  'target_claims',
  {
    targetId: text('target_id')
      .notNull()
      .references(() => targets.id),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    claimedBy: text('claimed_by'),
    claimedAt: ts('claimed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.targetId, t.departmentCode] }),
    index('claims_department_idx').on(t.departmentCode),
  ],
);

/** Inspector library (执法检查人员名录库). Id: badge number, or a library id for experts. */
export const inspectors = pgTable(
  'inspectors',
  {
    id: text('id').primaryKey(),
    badgeNo: text('badge_no'),
    name: text('name').notNull(),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    unitCode: text('unit_code'),
    regionCode: text('region_code').notNull(),
    qualifications: jsonb('qualifications')
      .notNull()
      .default(sql`'[]'::jsonb`),
    specialties: text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    expert: boolean('expert').notNull().default(false),
    active: boolean('active').notNull().default(true),
    activeFrom: date('active_from', { mode: 'string' }),
    activeTo: date('active_to', { mode: 'string' }),
    capacity: integer('capacity'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspectors_badge_uq').on(t.badgeNo),
    index('inspectors_department_idx').on(t.departmentCode),
    check('inspectors_expert_badge_chk', sql`${t.expert} or ${t.badgeNo} is not null`),
  ],
);

/** Recusal declarations (回避): an inspector's conflict with a target. Reasons are not public. */
export const recusals = pgTable(
  'recusals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectorId: text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    targetId: text('target_id')
      .notNull()
      .references(() => targets.id),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    declaredBy: text('declared_by'),
    declaredAt: ts('declared_at').notNull().defaultNow(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [
    index('recusals_inspector_idx').on(t.inspectorId),
    index('recusals_target_idx').on(t.targetId),
    check('recusals_kind_chk', sql`${t.kind} in ('kinship','economic','other')`),
  ],
);

/** Import jobs: progress, counts and the error report of each spreadsheet import. */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  departmentCode: text('department_code'),
  mode: text('mode').notNull(),
  status: text('status').notNull(),
  processed: integer('processed').notNull().default(0),
  counts: jsonb('counts'),
  errors: jsonb('errors'),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

// ─── From plan to publication (issue 5) ───

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

/** Draws (摇号, spec ssj-draw/1). Never deleted: an abandoned draw stays with its reason. */
export const draws = pgTable(
  'draws',
  {
    /** e.g. D-2026-0001 */
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    /** frozen → committed → drawn; or abandoned */
    status: text('status').notNull(),
    supersedes: text('supersedes'),
    abandonedReason: text('abandoned_reason'),
    abandonedAt: ts('abandoned_at'),
    abandonedBy: text('abandoned_by'),
    frozenAt: ts('frozen_at').notNull(),
    /** Strata as frozen: [{name, ratio, min, max, frameSize, frameDigest, sampleSize}]. */
    strata: jsonb('strata').notNull(),
    frameExclusionCounts: jsonb('frame_exclusion_counts').notNull(),
    poolDigest: text('pool_digest').notNull(),
    pairExclusionsDigest: text('pair_exclusions_digest').notNull(),
    seedSource: text('seed_source'),
    seedPlan: text('seed_plan'),
    /** The system CSPRNG seed, generated at commit and kept secret until the draw. */
    systemSeed: text('system_seed'),
    commitmentObject: jsonb('commitment_object'),
    commitment: text('commitment'),
    committedAt: ts('committed_at'),
    seed: text('seed'),
    drawnAt: ts('drawn_at'),
    witnesses: jsonb('witnesses')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The published record (spec §7), once drawn. */
    record: jsonb('record'),
    createdBy: text('created_by'),
  },
  (t) => [
    index('draws_task_idx').on(t.taskId),
    check('draws_status_chk', sql`${t.status} in ('frozen','committed','drawn','abandoned')`),
    // Two people pressing "draw" at once produce exactly one live draw per task.
    uniqueIndex('draws_one_live_per_task_uq')
      .on(t.taskId)
      .where(sql`${t.status} <> 'abandoned'`),
  ],
);

/** Frame lines of a frozen draw (spec §4), per stratum. */
export const drawFrames = pgTable(
  'draw_frames',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    stratum: text('stratum').notNull(),
    targetId: text('target_id').notNull(),
    unit: text('unit'),
  },
  (t) => [
    primaryKey({ columns: [t.drawId, t.stratum, t.targetId] }),
    // spec §4: frame files are read in UTF-8 byte order, which COLLATE "C" gives; the index serves the keyset pages
    index('draw_frames_byte_order_idx').on(t.drawId, t.stratum, sql`${t.targetId} COLLATE "C"`),
  ],
);

/** Targets excluded from a frame, with reason code (spec §4); ids stay here, not in the record. */
export const drawFrameExclusions = pgTable(
  'draw_frame_exclusions',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    stratum: text('stratum').notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.targetId] })],
);

/** The inspector pool of a frozen draw (spec §5). */
export const drawPool = pgTable(
  'draw_pool',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    inspectorId: text('inspector_id').notNull(),
    department: text('department').notNull(),
    homeDepartment: text('home_department').notNull(),
    unit: text('unit'),
    capacity: integer('capacity'),
    fallback: boolean('fallback').notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.inspectorId] })],
);

/** Inspectors left out of a draw's pool, with the code of the rule (core pool-eligibility): staff only. */
export const drawPoolExclusions = pgTable(
  'draw_pool_exclusions',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    inspectorId: text('inspector_id').notNull(),
    badgeNo: text('badge_no'),
    name: text('name').notNull(),
    department: text('department').notNull(),
    fallback: boolean('fallback').notNull(),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.inspectorId] })],
);

/** Pair exclusions of a draw with their reasons (recusal, rotation); the record shows only pairs. */
export const drawPairExclusions = pgTable(
  'draw_pair_exclusions',
  {
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: text('target_id').notNull(),
    inspectorId: text('inspector_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.targetId, t.inspectorId] })],
);

/** Direct assignments (直接委派) after a draw: they add people to a drawn team (spec §5, §7). */
export const drawOverrides = pgTable(
  'draw_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: text('draw_id')
      .notNull()
      .references(() => draws.id),
    targetId: text('target_id').notNull(),
    inspectors: text('inspectors').array().notNull(),
    /** Published in the draw record. */
    reason: text('reason').notNull(),
    /** Staff only (e.g. a personal circumstance); never published. */
    internalReason: text('internal_reason'),
    by: text('by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('overrides_draw_idx').on(t.drawId)],
);

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

// ─── Credit-risk tiers (信用风险分级分类, issue 6) ───

/** Risk facts per target that the library does not hold: registration, abnormal list, penalties, complaints, annual report. */
export const targetRiskFacts = pgTable(
  'target_risk_facts',
  {
    targetId: text('target_id')
      .primaryKey()
      .references(() => targets.id),
    registeredOn: date('registered_on', { mode: 'string' }),
    abnormalListed: boolean('abnormal_listed').notNull().default(false),
    penalties3y: integer('penalties_3y').notNull().default(0),
    complaints12m: integer('complaints_12m').notNull().default(0),
    annualReportOverdue: boolean('annual_report_overdue').notNull().default(false),
    /** 数据日期: the date the sending system's data refers to, as given by the last import that set it. */
    dataDate: date('data_date', { mode: 'string' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('risk_facts_counts_chk', sql`${t.penalties3y} >= 0 and ${t.complaints12m} >= 0`)],
);

/** Computed tiers: each target's latest score, tier and the indicators behind it (only non-zero ones). */
export const targetRiskScores = pgTable(
  'target_risk_scores',
  {
    targetId: text('target_id')
      .primaryKey()
      .references(() => targets.id),
    /** Exact decimal with two places, e.g. "42.50". */
    score: numeric('score', { precision: 12, scale: 2 }).notNull(),
    tier: text('tier').notNull(),
    /** {indicator: [value, points×100]} for the indicators that scored. */
    indicators: jsonb('indicators').notNull(),
    modelVersion: text('model_version').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    runId: uuid('run_id'),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [
    index('risk_scores_tier_idx').on(t.tier),
    check('risk_scores_tier_chk', sql`${t.tier} in ('A','B','C','D')`),
  ],
);

/** Imported tiers (e.g. the national monthly A–D classification), kept apart from computed ones. */
export const targetImportedTiers = pgTable(
  'target_imported_tiers',
  {
    targetId: text('target_id')
      .primaryKey()
      .references(() => targets.id),
    tier: text('tier').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    importJobId: uuid('import_job_id'),
    importedAt: ts('imported_at').notNull(),
  },
  (t) => [
    index('imported_tiers_tier_idx').on(t.tier),
    check('imported_tiers_tier_chk', sql`${t.tier} in ('A','B','C','D')`),
  ],
);

/** Scoring runs: progress (processed/total) polled by the console, and cancellation. */
export const riskScoreRuns = pgTable(
  'risk_score_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A region code, or 'all'. */
    scope: text('scope').notNull(),
    /** running → done | cancelled | failed */
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    counts: jsonb('counts'),
    error: text('error'),
    startedBy: text('started_by'),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('risk_runs_started_idx').on(t.startedAt),
    check('risk_runs_status_chk', sql`${t.status} in ('running','done','cancelled','failed')`),
  ],
);

// ─── Joint inspection proposals (部门联合抽查, issue 6) ───

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

// ─── Dashboard rollups (issue 6: 1 M inspections aggregated in ≤ 1 s) ───
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

/** ssj-log/1 entries (docs/ssj-log-v1.md §3): append-only, idx is the 0-based leaf index. */
export const logEntries = pgTable(
  'log_entries',
  {
    idx: bigint('idx', { mode: 'number' }).primaryKey(),
    leafHash: text('leaf_hash').notNull(),
    kind: text('kind').notNull(),
    /** The entry's JCS text: the leaf hashes exactly these bytes. */
    entry: text('entry').notNull(),
    drawId: text('draw_id'),
    taskId: text('task_id'),
    /** For checkpoints: the audit chain head's seq. */
    auditSeq: bigint('audit_seq', { mode: 'number' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('log_entries_leaf_hash_idx').on(t.leafHash),
    index('log_entries_draw_idx').on(t.drawId),
    index('log_entries_task_idx').on(t.taskId),
  ],
);

/** Signed tree heads (ssj-log/1 §5), append-only. */
export const logTreeHeads = pgTable(
  'log_tree_heads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: text('root_hash').notNull(),
    timestampMs: bigint('timestamp_ms', { mode: 'number' }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [uniqueIndex('log_tree_heads_tree_size_key_id_key').on(t.treeSize, t.keyId)],
);

/** Public signing keys of the log (ssj-log/1 §6); private keys are never stored here. */
export const logKeys = pgTable('log_keys', {
  keyId: text('key_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  createdAt: ts('created_at').notNull(),
  retiredAt: ts('retired_at'),
});

/** A request to abandon a draw (redraw), approved or rejected by a second person (issue 13). */
export const drawAbandonRequests = pgTable('draw_abandon_requests', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  drawId: text('draw_id')
    .notNull()
    .references(() => draws.id),
  reason: text('reason').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
  status: text('status').notNull().default('pending'),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
  comment: text('comment'),
});
