/**
 * Demo accounts: one or more per role with memorable usernames, all with one password that is
 * random at first start (demo-accounts.ts) or set by SSJ_DEMO_PASSWORD.
 * Inspector accounts link to their inspector record by badge number.
 */
import { ROLE_LABELS, type Role } from '@openssj/core';
import type { DemoInspector, DemoUser } from './demo.types';

interface AccountSpec {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: readonly Role[];
  /** For inspector accounts: take the n-th active inspector (0-based) of the department. */
  readonly inspectorIndex?: number;
}

const ACCOUNTS: readonly AccountSpec[] = [
  { username: 'sysadmin', displayName: '系统管理员', departmentCode: '500000-SCJG', roles: ['system_admin'] },
  { username: 'auditor', displayName: '审计监督员', departmentCode: '500000-SCJG', roles: ['auditor'] },
  { username: 'admin', displayName: '王建国', departmentCode: '500112-SCJG', roles: ['dept_admin'] },
  { username: 'leader', displayName: '刘志强', departmentCode: '500112-SCJG', roles: ['leader'] },
  {
    username: 'inspector',
    displayName: '',
    departmentCode: '500112-SCJG',
    roles: ['inspector'],
    inspectorIndex: 0,
  },
  {
    username: 'inspector2',
    displayName: '',
    departmentCode: '500112-SCJG',
    roles: ['inspector'],
    inspectorIndex: 1,
  },
  { username: 'mz_admin', displayName: '陈晓梅', departmentCode: '500112-MZ', roles: ['dept_admin'] },
  { username: 'xf_admin', displayName: '张海涛', departmentCode: '500112-XF', roles: ['dept_admin'] },
  { username: 'ls_admin', displayName: '李永红', departmentCode: '511623-SCJG', roles: ['dept_admin'] },
  {
    username: 'ls_inspector',
    displayName: '',
    departmentCode: '511623-SCJG',
    roles: ['inspector'],
    inspectorIndex: 0,
  },
];

/** The demo accounts; inspector accounts take their name from the linked inspector. */
export function demoUsers(inspectors: readonly DemoInspector[]): DemoUser[] {
  return ACCOUNTS.map((a) => {
    if (a.inspectorIndex === undefined) {
      return {
        username: a.username,
        displayName: a.displayName,
        departmentCode: a.departmentCode,
        roles: a.roles,
        inspectorBadge: null,
      };
    }
    const pool = inspectors.filter((i) => i.departmentCode === a.departmentCode && i.active && !i.expert);
    const inspector = pool[a.inspectorIndex];
    if (!inspector?.badgeNumber) {
      throw new Error(`bug: no inspector ${a.inspectorIndex} in ${a.departmentCode} for ${a.username}`);
    }
    return {
      username: a.username,
      displayName: inspector.name,
      departmentCode: a.departmentCode,
      roles: a.roles,
      inspectorBadge: inspector.badgeNumber,
    };
  });
}

/** Who records a recusal: the inspector's own account, else the department admin, else sysadmin. */
export function recusalRecorder(users: readonly DemoUser[]): (inspector: DemoInspector) => string {
  return (inspector) =>
    users.find((u) => u.inspectorBadge !== null && u.inspectorBadge === inspector.badgeNumber)?.username ??
    users.find((u) => u.departmentCode === inspector.departmentCode && u.roles.includes('dept_admin'))
      ?.username ??
    'sysadmin';
}

/** The accounts to print at start-up: username and a label (role · department code). */
export const DEMO_ACCOUNTS: {
  readonly accounts: readonly {
    readonly username: string;
    readonly label: string;
    readonly departmentCode: string;
  }[];
} = {
  accounts: ACCOUNTS.map((a) => ({
    username: a.username,
    label: `${a.roles.map((r) => ROLE_LABELS[r].zh).join('、')} · ${a.departmentCode}`,
    departmentCode: a.departmentCode,
  })),
};
