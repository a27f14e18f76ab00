/**
 * Fixtures for the object-level access tests (issue 10): a second province's district
 * (邻水 511623) with its market regulator, one account per role in four departments (the
 * owner 500112-SCJG, another department of its region, another region's regulator, the city
 * above), and a target in each region with a legal representative.
 */
import { ROLES, validateTarget, type PolicyActor, type Role } from '@openssj/core';
import { hashPassword } from '../../src/contexts/platform/auth/password';
import type { Database } from '../../src/db/client';
import { insertDepartments, insertRegions } from '../../src/contexts/platform/org.repo';
import { findTarget, type TargetRow } from '../../src/contexts/library/target.repo';
import { upsertTargets } from '../../src/contexts/library/target-write.repo';
import { insertUsers } from '../../src/contexts/platform/user.repo';
import { DEPT_A, DEPT_C, PASSWORD } from './fixtures';

export const LS_REGION = '511623';
export const LS_SCJG = '511623-SCJG';
export const CITY_SCJG = '500000-SCJG';

/** The departments actors come from, with their relation to the owner of 500112 targets. */
export const ACTOR_DEPARTMENTS = [
  { code: DEPT_A, relation: 'own department, own region' },
  { code: DEPT_C, relation: 'other department, own region' },
  { code: LS_SCJG, relation: 'other department, other region' },
  { code: CITY_SCJG, relation: 'other department, region above' },
] as const;

/** One matrix account: its login and what the policy sees of it. */
export interface MatrixActor {
  readonly username: string;
  readonly role: Role;
  readonly relation: string;
  readonly policy: PolicyActor;
}

/** Every role × department account. */
export const MATRIX_ACTORS: readonly MatrixActor[] = ACTOR_DEPARTMENTS.flatMap((d, i) =>
  ROLES.map((role) => ({
    username: `om_${role}_${i}`,
    role,
    relation: d.relation,
    policy: { roles: [role], departmentCode: d.code, regionCode: d.code.slice(0, 6) },
  })),
);

/** The two targets the matrix works on: one per region. */
export const MATRIX_TARGETS = [
  { code: 'OM-500112', divisionCode: '500112', legalRep: '张三丰', owner: 'own region' },
  { code: 'OM-511623', divisionCode: LS_REGION, legalRep: '欧阳修', owner: 'other region' },
] as const;

/** The id of a matrix target (a 产品 key). */
export function matrixTargetId(code: string): string {
  return `产品:${code}`;
}

/** Add the other region, its regulator, the matrix accounts and targets to a fixture database. */
export async function loadObjectFixtures(database: Database, now: Date): Promise<void> {
  const db = database.db;
  await insertRegions(db, [
    { code: '510000', name: '四川省', fullName: '四川省', level: 'province', parentCode: null },
    {
      code: LS_REGION,
      name: '邻水县',
      fullName: '四川省广安市邻水县',
      level: 'district',
      parentCode: '510000',
    },
  ]);
  await insertDepartments(db, [
    { code: LS_SCJG, name: '邻水县市场监督管理局', shortName: '邻水市场监管', regionCode: LS_REGION },
  ]);
  const passwordHash = await hashPassword(PASSWORD);
  await insertUsers(
    db,
    MATRIX_ACTORS.map((a) => ({
      username: a.username,
      displayName: a.username,
      departmentCode: a.policy.departmentCode,
      roles: [a.role],
      passwordHash,
    })),
  );
  const rows = MATRIX_TARGETS.map((t) => {
    const v = validateTarget({
      uscc: '',
      code: t.code,
      name: `矩阵对象 ${t.code}`,
      type: '产品',
      divisionCode: t.divisionCode,
      address: '示例路 1 号',
      industryCode: '',
      legalRep: t.legalRep,
      status: '在营',
      supervisingUnit: '',
      riskTier: '',
      tags: '',
    });
    if (!v.ok) {
      throw new Error(`bug: fixture target ${t.code}: ${JSON.stringify(v.error)}`);
    }
    return v.value;
  });
  await upsertTargets(db, rows, { date: '2026-11-20', by: 'fixture', at: now, tierSource: '人工录入' });
}

/** A target's current fields as the raw form a PUT sends (so a probe changes exactly what it means to). */
export async function rawOf(database: Database, id: string): Promise<Record<string, string>> {
  const r: TargetRow | undefined = await findTarget(database.db, id);
  if (r === undefined) {
    throw new Error(`bug: no target ${id}`);
  }
  const code = r.uscc === null ? r.id.slice(r.id.indexOf(':') + 1) : '';
  return {
    uscc: r.uscc ?? '',
    code,
    name: r.name,
    type: r.type,
    divisionCode: r.division_code,
    address: r.address,
    industryCode: r.industry_code ?? '',
    legalRep: r.legal_rep ?? '',
    status: r.status,
    supervisingUnit: r.supervising_unit ?? '',
    riskTier: r.risk_tier ?? '',
    tags: r.tags.join('；'),
  };
}
