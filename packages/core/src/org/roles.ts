/**
 * Roles and the password policy, shared by server and web.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';

export const ROLES = ['system_admin', 'dept_admin', 'leader', 'inspector', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Chinese labels of the roles. */
export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = {
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  dept_admin: { zh: '部门管理员', en: 'Department administrator' },
  leader: { zh: '分管领导', en: 'Leader' },
  inspector: { zh: '执法检查人员', en: 'Inspector' },
  auditor: { zh: '监督审计', en: 'Auditor' },
};

/** Password policy (等保 2.0 level 3): ≥ 10 chars, three of four classes, not the username. */
export function checkPasswordPolicy(password: string, username: string): Result<string, FieldIssue> {
  const fail = (zh: string, en: string): Result<string, FieldIssue> =>
    err({ field: 'password', messageZh: zh, messageEn: en });
  if (password.length < 10) {
    return fail('密码至少 10 个字符', 'password must have at least 10 characters');
  }
  if (password.length > 128) {
    return fail('密码不能超过 128 个字符', 'password must have at most 128 characters');
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    return fail(
      '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      'password must mix at least three of: upper case, lower case, digits, symbols',
    );
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    return fail('密码不能包含用户名', 'password must not contain the username');
  }
  return ok(password);
}
