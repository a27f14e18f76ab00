/** Library (一单两库一指引): items and their versions, targets with status history and claims, inspectors, recusals and import jobs. */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { departments } from './platform';

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
