// The role → menu mapping of the staff console (issue 2 item 8), the /console landing, and the login `next` guard.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/api/session-types';
import { translate } from '../src/i18n/translate';
import { CONSOLE_PAGES, activeEntry, landingPath, menuForRoles, safeNext } from '../src/routes/console-nav';

/** The menu as a user sees it: zh-CN label and path. */
function menuOf(...roles: Role[]): string[] {
  return menuForRoles(roles).map((e) => `${translate('zh-CN', e.label)} ${e.to}`);
}

describe('menuForRoles', () => {
  it('gives each role exactly its menu', () => {
    expect(menuOf('dept_admin')).toEqual([
      '工作台 /console',
      '抽查事项清单 /console/items',
      '检查对象名录库 /console/targets',
      '执法检查人员名录库 /console/inspectors',
      '抽查计划 /console/plans',
      '抽查任务 /console/tasks',
      '数据导入 /console/imports',
      '联合抽查与考核 /console/dashboard',
      '信用风险分类 /console/risk',
      '风险预警 /console/risk-alerts',
      '异议与信用修复 /console/appeals',
      '考核与跨区设置 /console/settings',
    ]);
    expect(menuOf('leader')).toEqual([
      '工作台 /console',
      '计划审批 /console/plans',
      '抽查任务 /console/tasks',
      '结果复核 /console/reviews',
      '统计分析 /console/dashboard',
      '信用风险分类 /console/risk',
      '风险预警 /console/risk-alerts',
      '异议与信用修复 /console/appeals',
      '考核与跨区设置 /console/settings',
    ]);
    expect(menuOf('inspector')).toEqual(['我的检查 /console/my-inspections']);
    expect(menuOf('auditor')).toEqual([
      '工作台 /console',
      '统计分析 /console/dashboard',
      '信用风险分类 /console/risk',
      '风险预警 /console/risk-alerts',
      '异议与信用修复 /console/appeals',
      '考核与跨区设置 /console/settings',
      '审计日志 /console/audit',
    ]);
    expect(menuOf('system_admin')).toEqual([
      '工作台 /console',
      '信用风险分类 /console/risk',
      '风险预警 /console/risk-alerts',
      '异议与信用修复 /console/appeals',
      '组织机构 /console/org',
      '用户管理 /console/users',
      '节假日日历 /console/holidays',
      '系统设置 /console/settings',
      '审计日志 /console/audit',
    ]);
  });

  it('unites the menus of several roles, each page once', () => {
    const menu = menuOf('leader', 'auditor', 'inspector');
    expect(menu).toEqual([
      '工作台 /console',
      '我的检查 /console/my-inspections',
      '计划审批 /console/plans',
      '抽查任务 /console/tasks',
      '结果复核 /console/reviews',
      '统计分析 /console/dashboard',
      '信用风险分类 /console/risk',
      '风险预警 /console/risk-alerts',
      '异议与信用修复 /console/appeals',
      '考核与跨区设置 /console/settings',
      '审计日志 /console/audit',
    ]);
  });

  it('names the shared plans page after the first role in ROLES order, whatever the order of the user roles', () => {
    expect(menuOf('leader', 'dept_admin').filter((m) => m.endsWith('/console/plans'))).toEqual([
      '抽查计划 /console/plans',
    ]);
    expect(menuOf('dept_admin', 'leader')).toEqual(menuOf('leader', 'dept_admin'));
  });

  it('gives no menu to a user without roles', () => {
    expect(menuForRoles([])).toEqual([]);
  });

  it('shows every page to some role, with distinct paths', () => {
    const all = menuForRoles(ROLES);
    expect(all.map((e) => e.id)).toEqual(CONSOLE_PAGES.map((p) => p.id));
    expect(new Set(all.map((e) => e.to)).size).toBe(all.length);
  });
});

describe('landingPath', () => {
  it('is the workbench for roles that have it and the first page otherwise', () => {
    expect(landingPath(['auditor'])).toBe('/console');
    expect(landingPath(['inspector'])).toBe('/console/my-inspections');
    expect(landingPath([])).toBeNull();
  });
});

describe('activeEntry', () => {
  const menu = menuForRoles(['dept_admin']);
  it('picks the longest matching page, including sub-pages', () => {
    expect(activeEntry(menu, '/console')?.id).toBe('home');
    expect(activeEntry(menu, '/console/')?.id).toBe('home');
    expect(activeEntry(menu, '/console/plans/42/tasks')?.id).toBe('plans');
    expect(activeEntry(menu, '/console/itemsx')?.id).toBe('home');
  });
  it('finds nothing outside the console', () => {
    expect(activeEntry(menu, '/login')).toBeNull();
  });
});

describe('safeNext', () => {
  it('keeps same-origin paths', () => {
    expect(safeNext('/console/items?page=2')).toBe('/console/items?page=2');
  });
  it('refuses other origins, loops and junk', () => {
    for (const bad of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login?next=/console',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(bad)).toBe('/console');
    }
  });
});
