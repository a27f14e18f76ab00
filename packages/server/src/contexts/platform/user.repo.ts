/**
 * Users repository.
 */
import { and, asc, count, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { departments, inspectors, regions, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export interface UserWithDepartment {
  readonly user: UserRow;
  readonly departmentName: string;
  readonly regionCode: string;
  readonly regionName: string;
}

/** A user with the department and region names, by one condition. */
async function findUserWhere(db: Db, where: SQL): Promise<UserWithDepartment | undefined> {
  const rows = await db
    .select({
      user: users,
      departmentName: departments.name,
      regionCode: regions.code,
      regionName: regions.fullName,
    })
    .from(users)
    .innerJoin(departments, eq(users.departmentCode, departments.code))
    .innerJoin(regions, eq(departments.regionCode, regions.code))
    .where(where)
    .limit(1);
  return rows[0];
}

/** Find a user by username, with the department and region names. */
export async function findUserByUsername(db: Db, username: string): Promise<UserWithDepartment | undefined> {
  return findUserWhere(db, eq(users.username, username));
}

/** Find a user by id, with the department and region names. */
export async function findUserById(db: Db, id: string): Promise<UserWithDepartment | undefined> {
  return findUserWhere(db, eq(users.id, id));
}

/** The state of one login attempt after its slot was taken (see reserveLoginAttempt). */
export interface LoginAttempt {
  /** This attempt's number in the current run of failures (1 = first since the last success or lock). */
  readonly attempt: number;
  /** Set when the account is locked (before or because of this attempt). */
  readonly lockedUntil: Date | null;
}

/**
 * Take a login attempt's slot, atomically and BEFORE the password is checked (issue 10 §4): one
 * UPDATE counts the attempt, so parallel logins each see their own number and at most `maxFailures`
 * of them get as far as the password check. A locked account is left as it is; an expired lock
 * starts a fresh count; the attempt after the last allowed one locks the account. The row lock of
 * the UPDATE serialises concurrent attempts on PostgreSQL and PGlite alike.
 */
export async function reserveLoginAttempt(
  db: Db,
  id: string,
  now: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<LoginAttempt> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockedNow = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} > ${at})`;
  const expired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${at})`;
  const next = sql`(CASE WHEN ${expired} THEN 1 ELSE ${users.failedLogins} + 1 END)`;
  const rows = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${lockedNow} THEN ${users.failedLogins} ELSE ${next} END`,
      lockedUntil: sql`CASE WHEN ${lockedNow} THEN ${users.lockedUntil} WHEN ${next} > ${maxFailures} THEN ${lockUntil.toISOString()}::timestamptz ELSE NULL END`,
    })
    .where(eq(users.id, id))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  const r = rows[0];
  return { attempt: r?.failedLogins ?? 0, lockedUntil: r?.lockedUntil ?? null };
}

/** Lock the account until `lockUntil` unless a lock is already running (the last allowed attempt failed). */
export async function lockAccount(db: Db, id: string, now: Date, lockUntil: Date): Promise<Date> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .update(users)
    .set({
      lockedUntil: sql`CASE WHEN ${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} > ${at} THEN ${users.lockedUntil} ELSE ${lockUntil.toISOString()}::timestamptz END`,
    })
    .where(eq(users.id, id))
    .returning({ lockedUntil: users.lockedUntil });
  return rows[0]?.lockedUntil ?? lockUntil;
}

/** Clear the failure counter and lock. */
export async function clearFailedLogins(db: Db, id: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

/** Insert users. */
export async function insertUsers(db: Db, rows: readonly NewUserRow[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(users).values([...rows]);
  }
}

/** Filters of the user list: a search on username, name or badge; a role; active or disabled. */
export interface UserFilter {
  readonly q?: string | undefined;
  readonly role?: string | undefined;
  readonly active?: boolean | undefined;
}

/** List users, optionally of one department, filtered. */
export async function listUsers(db: Db, departmentCode?: string, f: UserFilter = {}): Promise<UserRow[]> {
  const conds: SQL[] = [];
  if (departmentCode !== undefined) {
    conds.push(eq(users.departmentCode, departmentCode));
  }
  const q = f.q?.trim() ?? '';
  if (q !== '') {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const any = or(
      ilike(users.username, like),
      ilike(users.displayName, like),
      ilike(users.inspectorBadge, like),
    );
    if (any !== undefined) {
      conds.push(any);
    }
  }
  if (f.role !== undefined) {
    conds.push(sql`${f.role} = ANY(${users.roles})`);
  }
  if (f.active !== undefined) {
    conds.push(eq(users.active, f.active));
  }
  return db
    .select()
    .from(users)
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(asc(users.username));
}

/** Update a user's fields. */
export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<NewUserRow>,
): Promise<UserRow | undefined> {
  const rows = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return rows[0];
}

/** The account already linked to an inspector badge, other than `exceptUserId`. */
export async function accountLinkedToBadge(
  db: Db,
  badge: string,
  exceptUserId: string | null,
): Promise<string | undefined> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(
      exceptUserId === null
        ? eq(users.inspectorBadge, badge)
        : and(eq(users.inspectorBadge, badge), ne(users.id, exceptUserId)),
    )
    .limit(1);
  return rows[0]?.username;
}

/** Active accounts holding the system_admin role. */
export async function countActiveSystemAdmins(db: Db): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(sql`'system_admin' = ANY(${users.roles})`, eq(users.active, true)));
  return Number(rows[0]?.n ?? 0);
}

/** Which of these usernames exist already. */
export async function existingUsernames(db: Db, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, [...names]));
  return new Set(rows.map((u) => u.username));
}

/** Which of these inspector badges are linked to an account already. */
export async function linkedBadges(db: Db, badges: readonly string[]): Promise<Set<string | null>> {
  if (badges.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ badge: users.inspectorBadge })
    .from(users)
    .where(inArray(users.inspectorBadge, [...badges]));
  return new Set(rows.map((u) => u.badge));
}

/** How many accounts exist (none: a first start). */
export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/**
 * The department of each library inspector holding one of `badges` (an account links to an
 * inspector by badge number; the link must stay inside the account's department).
 */
export async function badgeDepartments(
  db: Db,
  badges: readonly string[],
): Promise<Map<string, { readonly departmentCode: string }>> {
  const out = new Map<string, { readonly departmentCode: string }>();
  if (badges.length > 0) {
    for (const r of await db
      .select({ badgeNo: inspectors.badgeNo, departmentCode: inspectors.departmentCode })
      .from(inspectors)
      .where(inArray(inspectors.badgeNo, [...badges]))) {
      if (r.badgeNo !== null) {
        out.set(r.badgeNo, { departmentCode: r.departmentCode });
      }
    }
  }
  return out;
}
