/** Library (一单两库一指引): items and their versions, targets with status history and claims, inspectors, recusals and import jobs. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';
import { departments } from './platform';

/** Inspection items (随机抽查事项); the content lives in versions. */
export const inspectionItems = pg.pgTable(
  'inspection_items',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    code: pg.text('code').notNull(),
    currentVersion: pg.integer('current_version').notNull().default(1),
    published: pg.boolean('published').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [pg.uniqueIndex('items_dept_code_uq').on(t.departmentCode, t.code)],
);

/** One version of an item; tasks keep the version they used. Guideline and form included. */
export const inspectionItemVersions = pg.pgTable(
  'inspection_item_versions',
  {
    itemId: pg
      .uuid('item_id')
      .notNull()
      .references(() => inspectionItems.id),
    version: pg.integer('version').notNull(),
    effectiveFrom: pg.date('effective_from', { mode: 'string' }).notNull(),
    name: pg.text('name').notNull(),
    priority: pg.text('priority').notNull(),
    /** Canonical decimal ratio cap (e.g. "0.1"); null for key items. */
    ratioCap: pg.text('ratio_cap'),
    legalBasis: pg.text('legal_basis').notNull(),
    legalRefs: pg
      .text('legal_refs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    method: pg.text('method').notNull(),
    targetTypes: pg
      .text('target_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    industries: pg
      .text('industries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    guideline: pg.jsonb('guideline').notNull(),
    changeNote: pg.text('change_note'),
    createdBy: pg.text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.itemId, t.version] }),
    pg.check('item_priority_chk', sql`${t.priority} in ('key','general')`),
    pg.check('item_method_chk', sql`${t.method} in ('document','onsite','online')`),
    pg.check('item_cap_chk', sql`${t.priority} = 'key' or ${t.ratioCap} is not null`),
  ],
);

/** Target library (检查对象名录库). Id: USCC for market entities, `<type>:<code>` otherwise. */
export const targets = pg.pgTable(
  'targets',
  {
    id: pg.text('id').primaryKey(),
    uscc: pg.text('uscc'),
    type: pg.text('type').notNull(),
    name: pg.text('name').notNull(),
    divisionCode: pg.text('division_code').notNull(),
    address: pg.text('address').notNull().default(''),
    industryCode: pg.text('industry_code'),
    legalRep: pg.text('legal_rep'),
    status: pg.text('status').notNull().default('在营'),
    statusDate: pg.date('status_date', { mode: 'string' }),
    supervisingUnit: pg.text('supervising_unit'),
    riskTier: pg.text('risk_tier'),
    tierSource: pg.text('tier_source'),
    tierDate: pg.date('tier_date', { mode: 'string' }),
    tags: pg
      .text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** The name's character unigrams and bigrams, stored when the name is written (issue 18). */
    nameGrams: pg
      .text('name_grams')
      .array()
      .generatedAlwaysAs(sql`ssj_name_grams(name)`),
    /** A hash of the fields an import writes, so a re-import skips unchanged rows (issue 18). */
    rowHash: pg
      .text('row_hash')
      .generatedAlwaysAs(
        sql`ssj_target_row_hash(uscc, type, name, division_code, address, industry_code, legal_rep, status, supervising_unit, risk_tier, tags)`,
      ),
  },
  (t) => [
    pg.uniqueIndex('targets_uscc_uq').on(t.uscc),
    pg.index('targets_name_grams_idx').using('gin', t.nameGrams),
    pg.index('targets_uscc_prefix_idx').on(sql`${t.uscc} text_pattern_ops`),
    pg.index('targets_division_idx').on(t.divisionCode),
    pg.index('targets_industry_idx').on(t.industryCode),
    pg.index('targets_status_idx').on(t.status),
    pg.index('targets_unit_idx').on(t.supervisingUnit),
    pg.index('targets_tags_idx').using('gin', t.tags),
    pg.check('targets_status_chk', sql`${t.status} in ('在营','注销','吊销','撤销','迁出')`),
    pg.check('targets_tier_chk', sql`${t.riskTier} is null or ${t.riskTier} in ('A','B','C','D')`),
    pg.check(
      'targets_type_chk',
      sql`${t.type} in ('企业','个体工商户','农民专业合作社','其他组织','产品','项目','行为')`,
    ),
  ],
);

/** Dated status changes: a deregistered target leaves future frames but keeps its history. */
export const targetStatusHistory = pg.pgTable(
  'target_status_history',
  {
    id: pg.bigserial('id', { mode: 'number' }).primaryKey(),
    targetId: pg
      .text('target_id')
      .notNull()
      .references(() => targets.id),
    status: pg.text('status').notNull(),
    effectiveDate: pg.date('effective_date', { mode: 'string' }).notNull(),
    recordedBy: pg.text('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [pg.index('target_status_target_idx').on(t.targetId)],
);

/** Claims (认领): which departments supervise a target. */
export const targetClaims = pg.pgTable(
  'target_claims',
  {
    targetId: pg
      .text('target_id')
      .notNull()
      .references(() => targets.id),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    claimedBy: pg.text('claimed_by'),
    claimedAt: ts('claimed_at').notNull().defaultNow(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.targetId, t.departmentCode] }),
    pg.index('claims_department_idx').on(t.departmentCode),
  ],
);

/** Inspector library (执法检查人员名录库). Id: badge number, or a library id for experts. */
export const inspectors = pg.pgTable(
  'inspectors',
  {
    id: pg.text('id').primaryKey(),
    badgeNo: pg.text('badge_no'),
    name: pg.text('name').notNull(),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    unitCode: pg.text('unit_code'),
    regionCode: pg.text('region_code').notNull(),
    qualifications: pg
      .jsonb('qualifications')
      .notNull()
      .default(sql`'[]'::jsonb`),
    specialties: pg
      .text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    expert: pg.boolean('expert').notNull().default(false),
    active: pg.boolean('active').notNull().default(true),
    activeFrom: pg.date('active_from', { mode: 'string' }),
    activeTo: pg.date('active_to', { mode: 'string' }),
    capacity: pg.integer('capacity'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    pg.uniqueIndex('inspectors_badge_uq').on(t.badgeNo),
    pg.index('inspectors_department_idx').on(t.departmentCode),
    pg.check('inspectors_expert_badge_chk', sql`${t.expert} or ${t.badgeNo} is not null`),
  ],
);

/** Recusal declarations (回避): an inspector's conflict with a target. Reasons are not public. */
export const recusals = pg.pgTable(
  'recusals',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    inspectorId: pg
      .text('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    targetId: pg
      .text('target_id')
      .notNull()
      .references(() => targets.id),
    kind: pg.text('kind').notNull(),
    reason: pg.text('reason').notNull(),
    declaredBy: pg.text('declared_by'),
    declaredAt: ts('declared_at').notNull().defaultNow(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [
    pg.index('recusals_inspector_idx').on(t.inspectorId),
    pg.index('recusals_target_idx').on(t.targetId),
    pg.check('recusals_kind_chk', sql`${t.kind} in ('kinship','economic','other')`),
  ],
);

/** Import jobs: progress, counts and the error report of each spreadsheet import. */
export const importJobs = pg.pgTable('import_jobs', {
  id: pg.uuid('id').primaryKey().defaultRandom(),
  kind: pg.text('kind').notNull(),
  fileName: pg.text('file_name').notNull(),
  departmentCode: pg.text('department_code'),
  mode: pg.text('mode').notNull(),
  status: pg.text('status').notNull(),
  processed: pg.integer('processed').notNull().default(0),
  counts: pg.jsonb('counts'),
  errors: pg.jsonb('errors'),
  createdBy: pg.text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});
