/**
 * Bulk import of accounts (用户批量导入, issue 11), e.g. one account per entry of an inspector
 * library: the inspector library's own export can be imported as is (extra columns are ignored).
 * Every account gets a generated one-time password, handed to the caller's sink and never stored
 * in clear. Rows are checked against the database (department, badge, username) before any write.
 */
import { randomUUID } from 'node:crypto';
import {
  fieldIssue,
  ROLE_LABELS,
  ROLES,
  splitList,
  type FieldIssue,
  type Result,
  type Role,
} from '@openssj/core';
import { hashPassword } from './auth/password';
import type { Db } from '../../db/client';
import { badgeDepartments } from './user.repo';
import { listDepartments } from './org.repo';
import { existingUsernames, insertUsers, linkedBadges } from './user.repo';
import { generateOneTimePassword } from './account.service';
import { audit } from './audit.service';
import type { HeaderSpec, ImportSpec } from './sheets/import-spec';

/** The template's columns, in template order. */
export const ACCOUNT_HEADERS: readonly HeaderSpec[] = [
  {
    key: 'badgeNo',
    zh: '执法证号',
    en: 'Badge number',
    required: false,
    aliases: ['执法证件号', '执法证编号', '证号'],
    example: '50011220260001',
  },
  { key: 'name', zh: '姓名', en: 'Name', required: true, aliases: ['人员姓名', '显示名'], example: '李四' },
  {
    key: 'departmentCode',
    zh: '部门',
    en: 'Department',
    required: true,
    aliases: ['部门编码', '所属部门', '部门名称'],
    example: '500112-SCJG',
  },
  {
    key: 'username',
    zh: '用户名',
    en: 'Username',
    required: false,
    aliases: ['登录账号', '账号'],
    example: 'lisi',
  },
  {
    key: 'roles',
    zh: '角色',
    en: 'Roles',
    required: false,
    aliases: ['账号角色'],
    example: '执法检查人员',
  },
];

export const ACCOUNT_NOTES: readonly string[] = [
  '每行一个账号。可直接导入执法检查人员名录库的导出文件（多余的列会被忽略）。',
  '用户名留空时按执法证号生成：zf + 执法证号（小写），如 zf50011220260001；用户名为 3–32 位小写字母、数字、_ . -，以字母开头。',
  `角色可填多个，用「、」分隔：${ROLES.map((r) => ROLE_LABELS[r].zh).join('、')}；留空时有执法证号的为执法检查人员。`,
  '部门填部门编码（如 500112-SCJG）或部门全称。填写执法证号的，该人员须在名录库中且属于同一部门，账号与其关联。',
  '导入后为每个账号生成一次性初始密码，仅在导入结果中显示一次，请当场下载并分发。',
  '任何一行有误则整份不导入；错误报告指明行号、列和原因。',
];

/** One parsed row. */
export interface AccountImportRow {
  readonly username: string;
  readonly displayName: string;
  /** As written: a code or a full name (resolved in checkBatch and upsert). */
  readonly department: string;
  readonly roles: readonly Role[];
  readonly inspectorBadge: string | null;
}

/** A created account with its one-time password, for the admin to hand over. */
export interface AccountCredential {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: readonly Role[];
  readonly inspectorBadge: string | null;
  readonly oneTimePassword: string;
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

function roleOf(word: string): Role | undefined {
  const w = word.trim();
  return ROLES.find(
    (r) => r === w || ROLE_LABELS[r].zh === w || ROLE_LABELS[r].en.toLowerCase() === w.toLowerCase(),
  );
}

function parseAccountRow(
  raw: Readonly<Record<string, string>>,
  row: number,
): Result<AccountImportRow, FieldIssue[]> {
  const cell = (k: string) => (raw[k] ?? '').trim();
  const at = (field: string) => ({ field, row });
  const issues: FieldIssue[] = [];
  const badge = cell('badgeNo');
  if (badge.length > 40) {
    issues.push(fieldIssue(at('badgeNo'), badge, '执法证号过长（最多 40 字符）', 'badge too long (max 40)'));
  }
  const displayName = cell('name');
  if (displayName === '' || displayName.length > 50) {
    issues.push(fieldIssue(at('name'), displayName, '姓名须为 1–50 个字符', 'name must be 1–50 characters'));
  }
  const department = cell('departmentCode');
  if (department === '') {
    issues.push(fieldIssue(at('departmentCode'), department, '部门必填', 'department is required'));
  }
  let username = cell('username');
  if (username === '' && badge !== '') {
    username = `zf${badge.toLowerCase()}`;
  }
  if (username === '') {
    issues.push(
      fieldIssue(at('username'), '', '用户名与执法证号至少填一个', 'give a username or a badge number'),
    );
  } else if (!USERNAME.test(username)) {
    issues.push(
      fieldIssue(
        at('username'),
        username,
        '用户名须为 3–32 位小写字母、数字、_ . -，以字母开头',
        'username: 3–32 lower-case letters, digits, _ . -, starting with a letter',
      ),
    );
  }
  const roles: Role[] = [];
  for (const word of splitList(cell('roles'))) {
    const r = roleOf(word);
    if (r === undefined) {
      issues.push(
        fieldIssue(
          at('roles'),
          word,
          `未知角色，可选：${ROLES.map((x) => ROLE_LABELS[x].zh).join('、')}`,
          `unknown role; one of ${ROLES.join(', ')}`,
        ),
      );
    } else if (!roles.includes(r)) {
      roles.push(r);
    }
  }
  if (roles.length === 0 && cell('roles') === '') {
    if (badge !== '') {
      roles.push('inspector');
    } else {
      issues.push(
        fieldIssue(
          at('roles'),
          '',
          '没有执法证号的账号须填写角色',
          'an account without a badge needs a role',
        ),
      );
    }
  }
  if (issues.length > 0) {
    return { ok: false, error: issues };
  }
  return {
    ok: true,
    value: { username, displayName, department, roles, inspectorBadge: badge === '' ? null : badge },
  };
}

type DepartmentIndex = ReadonlyMap<string, string>;

async function departmentIndex(db: Db): Promise<DepartmentIndex> {
  const m = new Map<string, string>();
  for (const d of await listDepartments(db)) {
    m.set(d.code, d.code);
    m.set(d.name, d.code);
  }
  return m;
}

/** The account import; `sink` receives each created account's one-time password (dry runs included). */
export function accountImportSpec(sink: (c: AccountCredential) => void): ImportSpec<AccountImportRow> {
  return {
    kind: 'accounts',
    headers: ACCOUNT_HEADERS,
    notes: ACCOUNT_NOTES,
    parseRow: (raw, rowNumber) => parseAccountRow(raw, rowNumber),
    keyOf: (r) => r.username,
    async checkBatch(db, rows) {
      const issues: FieldIssue[] = [];
      const depts = await departmentIndex(db);
      const names = rows.map((r) => r.row.username);
      const taken = await existingUsernames(db, names);
      const badges = rows.flatMap((r) => (r.row.inspectorBadge === null ? [] : [r.row.inspectorBadge]));
      const inspectors = await badgeDepartments(db, badges);
      const linked = await linkedBadges(db, badges);
      const badgeInFile = new Map<string, number>();
      for (const { row: r, rowNumber: row } of rows) {
        const at = (field: string) => ({ field, row });
        const dept = depts.get(r.department);
        if (dept === undefined) {
          issues.push(fieldIssue(at('departmentCode'), r.department, '部门不存在', 'unknown department'));
        }
        if (taken.has(r.username)) {
          issues.push(fieldIssue(at('username'), r.username, '用户名已存在', 'username already exists'));
        }
        const b = r.inspectorBadge;
        if (b === null) {
          continue;
        }
        const insp = inspectors.get(b);
        if (insp === undefined) {
          issues.push(
            fieldIssue(
              at('badgeNo'),
              b,
              '名录库中没有该执法人员',
              'no inspector with this badge in the library',
            ),
          );
        } else if (dept !== undefined && insp.departmentCode !== dept) {
          issues.push(
            fieldIssue(
              at('badgeNo'),
              b,
              `该执法人员属于部门 ${insp.departmentCode}，与账号部门不一致`,
              `the inspector belongs to ${insp.departmentCode}, not the account's department`,
            ),
          );
        }
        if (linked.has(b)) {
          issues.push(
            fieldIssue(at('badgeNo'), b, '该执法人员已有账号', 'this inspector already has an account'),
          );
        }
        const first = badgeInFile.get(b);
        if (first !== undefined) {
          issues.push(
            fieldIssue(at('badgeNo'), b, `与第 ${first} 行的执法证号重复`, `same badge as row ${first}`),
          );
        } else {
          badgeInFile.set(b, row);
        }
      }
      return issues;
    },
    async upsert(tx, rows, ctx) {
      const depts = await departmentIndex(tx);
      const now = ctx.now;
      const created: AccountCredential[] = [];
      // argon2 runs on libuv's thread pool: hash a few at a time
      for (let i = 0; i < rows.length; i += 4) {
        const chunk = rows.slice(i, i + 4);
        const hashed = await Promise.all(
          chunk.map(async (r) => {
            const oneTimePassword = generateOneTimePassword(r.username);
            return { r, oneTimePassword, passwordHash: await hashPassword(oneTimePassword) };
          }),
        );
        for (const h of hashed) {
          const departmentCode = depts.get(h.r.department) ?? h.r.department;
          const id = randomUUID();
          await insertUsers(tx, [
            {
              id,
              username: h.r.username,
              displayName: h.r.displayName,
              departmentCode,
              roles: [...h.r.roles],
              passwordHash: h.passwordHash,
              inspectorBadge: h.r.inspectorBadge,
              createdAt: now,
              passwordChangedAt: now,
              // an imported account's one-time password must be replaced at first login
              mustChangePassword: true,
            },
          ]);
          const cred: AccountCredential = {
            username: h.r.username,
            displayName: h.r.displayName,
            departmentCode,
            roles: h.r.roles,
            inspectorBadge: h.r.inspectorBadge,
            oneTimePassword: h.oneTimePassword,
          };
          const { oneTimePassword: _secret, ...after } = cred;
          await audit(
            tx,
            ctx.audit,
            { action: 'user.created', entityType: 'user', entityId: id, departmentCode, after },
            now,
          );
          created.push(cred);
        }
      }
      created.forEach(sink);
      return { added: created.length, updated: 0, unchanged: 0 };
    },
  };
}
