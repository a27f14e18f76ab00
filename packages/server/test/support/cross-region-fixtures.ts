/**
 * The world of the cross-region journey (issue 6, 跨区域): 渝北 and 邻水 (another province) with
 * their departments, accounts and inspectors, one agreed item on each side, targets of both
 * regions, and each region adjacent to the other; and the shapes of the replies it reads.
 */
import { defaultChecklistForm } from '@openssj/core';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import type { Database } from '../../src/db/client';
import { insertDepartments, insertRegions } from '../../src/contexts/platform/org.repo';
import { putSetting } from '../../src/contexts/platform/setting.repo';
import { insertUsers } from '../../src/contexts/platform/user.repo';
import { inspectionItems, inspectionItemVersions, inspectors, targets, users } from '../../src/db/schema';
import { DEPT_A, PASSWORD } from './fixtures';

export const DEPT_LS = '511623-SCJG';
export const DICE = '2 7 1 8 2 8 1 8 2 8 4 5 9 0 4 5 2 3 5 3 6 0';
export const ITEM_YB = '00000000-0000-4000-8000-0000000c0112';
export const ITEM_LS = '00000000-0000-4000-8000-0000000c1623';
export const ITEM_NAME = '养老机构食品安全主体责任落实情况检查';

/** Targets: three in 渝北, three in 邻水, one in 渝中 (outside the task's scope). */
export const YB_TARGETS = ['91500112CR00000001', '91500112CR00000002', '91500112CR00000003'];
export const LS_TARGETS = ['91511623CR00000001', '91511623CR00000002', '91511623CR00000003'];
/** Inspector badge → the account that stands for it. */
export const ACCOUNT_OF: Record<string, string> = {
  'YB-101': 'yb_inspector',
  'YB-102': 'yb_inspector2',
  'LS-001': 'ls_inspector',
  'LS-002': 'ls_inspector2',
};

export async function loadCrossRegionWorld(database: Database): Promise<void> {
  const db = database.db;
  const passwordHash = await hashPassword(PASSWORD);
  await insertRegions(db, [
    { code: '510000', name: '四川省', fullName: '四川省', level: 'province', parentCode: null },
    { code: '511600', name: '广安市', fullName: '四川省广安市', level: 'city', parentCode: '510000' },
    {
      code: '511623',
      name: '邻水县',
      fullName: '四川省广安市邻水县',
      level: 'district',
      parentCode: '511600',
    },
  ]);
  await insertDepartments(db, [
    { code: DEPT_LS, name: '邻水县市场监督管理局', shortName: '邻水市场监管', regionCode: '511623' },
  ]);
  const target = (id: string, division: string, n: number) => ({
    id,
    uscc: id,
    type: '企业',
    name: `${division === '500112' ? '渝北' : division === '511623' ? '邻水' : '渝中'}跨区域养老服务${n}号有限公司`,
    divisionCode: division,
    address: `测试路 ${n} 号`,
    legalRep: '周某',
    riskTier: 'B',
  });
  await db
    .insert(targets)
    .values([
      ...YB_TARGETS.map((id, i) => target(id, '500112', i + 1)),
      ...LS_TARGETS.map((id, i) => target(id, '511623', i + 1)),
      target('91500103CR00000001', '500103', 9),
    ]);
  const person = (id: string, dept: string) => ({
    id,
    badgeNo: id,
    name: `检查员${id}`,
    departmentCode: dept,
    regionCode: dept.slice(0, 6),
  });
  await db
    .insert(inspectors)
    .values([
      person('YB-101', DEPT_A),
      person('YB-102', DEPT_A),
      person('LS-001', DEPT_LS),
      person('LS-002', DEPT_LS),
      person('MZ-201', '500112-MZ'),
    ]);
  const account = (username: string, dept: string, role: 'dept_admin' | 'leader' | 'inspector') => ({
    username,
    displayName: username,
    departmentCode: dept,
    roles: [role],
    passwordHash,
    inspectorBadge: Object.entries(ACCOUNT_OF).find(([, u]) => u === username)?.[0] ?? null,
  });
  await insertUsers(db, [
    account('ls_admin', DEPT_LS, 'dept_admin'),
    account('ls_leader', DEPT_LS, 'leader'),
    account('ls_inspector', DEPT_LS, 'inspector'),
    account('ls_inspector2', DEPT_LS, 'inspector'),
    account('yb_inspector', DEPT_A, 'inspector'),
    account('yb_inspector2', DEPT_A, 'inspector'),
  ]);
  await db.update(users).set({ inspectorBadge: null }).where(eq(users.username, 'insp_a'));
  // 异地同标: each side's library holds the same item (the demo catalog gives every SCJG the same list)
  await db.insert(inspectionItems).values([
    { id: ITEM_YB, departmentCode: DEPT_A, code: 'CR-YB-1', published: true },
    { id: ITEM_LS, departmentCode: DEPT_LS, code: 'CR-LS-1', published: true },
  ]);
  const version = (itemId: string) => ({
    itemId,
    version: 1,
    effectiveFrom: '2026-01-01',
    name: ITEM_NAME,
    priority: 'key',
    ratioCap: null,
    legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    method: 'onsite',
    guideline: {
      whatToCheck: '食品安全',
      how: '现场检查',
      legalBasis: '《食品安全法》',
      form: defaultChecklistForm(),
    },
  });
  await db.insert(inspectionItemVersions).values([version(ITEM_YB), version(ITEM_LS)]);
  // the two regions are each other's fallback pool too (spec §5): it must not unbalance the teams
  await putSetting(db, '500112', 'adjacentRegions', ['511623'], new Date('2026-11-01T00:00:00Z'));
  await putSetting(db, '511623', 'adjacentRegions', ['500112'], new Date('2026-11-01T00:00:00Z'));
}

export interface ListItem {
  id: string;
  status: string;
  version: number;
  target: { id: string };
  side: { departmentCode: string; regionCode: string } | null;
}
export interface Visit {
  id: string;
  status: string;
  version: number;
  target: { id: string; divisionCode: string };
  team: { inspectorId: string; departmentCode: string }[];
  items: { itemId: string; departmentCode: string }[];
  results: { itemId: string; departmentCode: string }[];
  side: { departmentCode: string; regionCode: string } | null;
  me: { canReview: boolean; canPublish: boolean; recordDepartments: string[] };
  error?: { code: string };
}
