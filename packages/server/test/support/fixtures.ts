/**
 * A small organisation for route and service tests: two districts, three departments,
 * and one account per role.
 */
import type { Role } from '@openssj/core';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import type { Database } from '../../src/db/client';
import { insertDepartments, insertRegions, insertUnits } from '../../src/contexts/platform/org.repo';
import { insertUsers } from '../../src/contexts/platform/user.repo';

export const PASSWORD = 'Test@pass2026';

export const DEPT_A = '500112-SCJG';
export const DEPT_B = '500103-SCJG';
export const DEPT_C = '500112-MZ';

export interface FixtureUser {
  readonly username: string;
  readonly roles: Role[];
  readonly departmentCode: string;
}

export const FIXTURE_USERS: readonly FixtureUser[] = [
  { username: 'sys', roles: ['system_admin'], departmentCode: '500000-SCJG' },
  { username: 'admin_a', roles: ['dept_admin'], departmentCode: DEPT_A },
  { username: 'leader_a', roles: ['leader'], departmentCode: DEPT_A },
  { username: 'insp_a', roles: ['inspector'], departmentCode: DEPT_A },
  { username: 'auditor', roles: ['auditor'], departmentCode: '500000-SCJG' },
  { username: 'admin_b', roles: ['dept_admin'], departmentCode: DEPT_B },
  { username: 'admin_c', roles: ['dept_admin'], departmentCode: DEPT_C },
];

let hashed: Promise<string> | undefined;

/** Load the fixture organisation and users. */
export async function loadFixtures(database: Database): Promise<void> {
  const db = database.db;
  hashed ??= hashPassword(PASSWORD);
  const passwordHash = await hashed;
  await insertRegions(db, [
    { code: '500000', name: '重庆市', fullName: '重庆市', level: 'province', parentCode: null },
    { code: '500112', name: '渝北区', fullName: '重庆市渝北区', level: 'district', parentCode: '500000' },
    { code: '500103', name: '渝中区', fullName: '重庆市渝中区', level: 'district', parentCode: '500000' },
  ]);
  await insertDepartments(db, [
    { code: '500000-SCJG', name: '重庆市市场监督管理局', shortName: '市市场监管局', regionCode: '500000' },
    { code: DEPT_A, name: '渝北区市场监督管理局', shortName: '渝北市场监管', regionCode: '500112' },
    { code: DEPT_B, name: '渝中区市场监督管理局', shortName: '渝中市场监管', regionCode: '500103' },
    { code: DEPT_C, name: '渝北区民政局', shortName: '渝北民政', regionCode: '500112' },
  ]);
  await insertUnits(db, [{ code: `${DEPT_A}-S01`, name: '两路市场监管所', departmentCode: DEPT_A }]);
  await insertUsers(
    db,
    FIXTURE_USERS.map((u) => ({
      username: u.username,
      displayName: u.username,
      departmentCode: u.departmentCode,
      roles: u.roles,
      passwordHash,
    })),
  );
}
