/** Platform: regions, departments, units, accounts, sessions, the audit trail, the holiday calendar and settings. */
import { sql } from 'drizzle-orm';
import * as pg from 'drizzle-orm/pg-core';
import { ts } from './columns';

/** Administrative regions (GB/T 2260): province → city → district. */
export const regions = pg.pgTable(
  'regions',
  {
    code: pg.text('code').primaryKey(),
    name: pg.text('name').notNull(),
    fullName: pg.text('full_name').notNull(),
    level: pg.text('level').notNull(),
    parentCode: pg.text('parent_code'),
  },
  (t) => [
    pg.check('regions_level_chk', sql`${t.level} in ('province','city','district')`),
    pg.index('regions_parent_idx').on(t.parentCode),
  ],
);

/** Departments (市场监管局, 消防救援支队, …); codes carry their region, e.g. 500112-SCJG. */
export const departments = pg.pgTable(
  'departments',
  {
    code: pg.text('code').primaryKey(),
    name: pg.text('name').notNull(),
    shortName: pg.text('short_name').notNull(),
    regionCode: pg
      .text('region_code')
      .notNull()
      .references(() => regions.code),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [pg.index('departments_region_idx').on(t.regionCode)],
);

/** Units inside a department (e.g. 市场监管所), used by 所所交叉. */
export const units = pg.pgTable(
  'units',
  {
    code: pg.text('code').primaryKey(),
    name: pg.text('name').notNull(),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
  },
  (t) => [pg.index('units_department_idx').on(t.departmentCode)],
);

/** Staff accounts. One department, one or more roles. */
export const users = pg.pgTable(
  'users',
  {
    id: pg.uuid('id').primaryKey().defaultRandom(),
    username: pg.text('username').notNull(),
    displayName: pg.text('display_name').notNull(),
    departmentCode: pg
      .text('department_code')
      .notNull()
      .references(() => departments.code),
    roles: pg.text('roles').array().notNull(),
    passwordHash: pg.text('password_hash').notNull(),
    active: pg.boolean('active').notNull().default(true),
    failedLogins: pg.integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    inspectorBadge: pg.text('inspector_badge'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    // set when an administrator chose the password (new account, reset); cleared by the user's own change
    mustChangePassword: pg.boolean('must_change_password').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    pg.uniqueIndex('users_username_uq').on(t.username),
    pg.index('users_department_idx').on(t.departmentCode),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pg.pgTable(
  'sessions',
  {
    id: pg.text('id').primaryKey(),
    userId: pg
      .uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: pg.text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: pg.text('ip'),
    userAgent: pg.text('user_agent'),
  },
  (t) => [pg.index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained audit trail (全程留痕). No UPDATE, no DELETE. */
export const auditLog = pg.pgTable(
  'audit_log',
  {
    seq: pg.bigserial('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: pg.text('actor_id'),
    actorName: pg.text('actor_name'),
    actorRole: pg.text('actor_role'),
    departmentCode: pg.text('department_code'),
    /** The department owning the changed resource when it is not the editor's (issue 10, migration 0012). */
    ownerDepartment: pg.text('owner_department'),
    action: pg.text('action').notNull(),
    entityType: pg.text('entity_type').notNull(),
    entityId: pg.text('entity_id'),
    before: pg.jsonb('before'),
    after: pg.jsonb('after'),
    requestId: pg.text('request_id'),
    prevHash: pg.text('prev_hash').notNull(),
    hash: pg.text('hash').notNull(),
  },
  (t) => [
    pg.index('audit_entity_idx').on(t.entityType, t.entityId),
    pg.index('audit_at_idx').on(t.at),
    pg.index('audit_department_idx').on(t.departmentCode),
    pg.index('audit_owner_department_idx').on(t.ownerDepartment),
  ],
);

/** Admin-kept holiday calendar for years `chinese-days` does not cover. */
export const holidayCalendar = pg.pgTable(
  'holiday_calendar',
  {
    day: pg.date('day', { mode: 'string' }).notNull(),
    kind: pg.text('kind').notNull(),
    name: pg.text('name').notNull(),
    createdBy: pg.text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    pg.primaryKey({ columns: [t.day] }),
    pg.check('holiday_kind_chk', sql`${t.kind} in ('holiday','workday')`),
  ],
);

/** Key–value settings per region (default ratio cap, yearly cap, …). */
export const settings = pg.pgTable(
  'settings',
  {
    scope: pg.text('scope').notNull(),
    key: pg.text('key').notNull(),
    value: pg.jsonb('value').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [pg.primaryKey({ columns: [t.scope, t.key] })],
);
