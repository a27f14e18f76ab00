/** Platform: regions, departments, units, accounts, sessions, the audit trail, the holiday calendar and settings. */
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
