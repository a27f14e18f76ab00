/**
 * Journey: each demo role logs in, sees its own menu in Chinese, and logs out (issue 2).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { launch, shot, type Browser } from './support/browser';
import { DEMO_PASSWORD as PASSWORD } from './support/accounts';

const MENUS: Record<string, { see: string[]; notSee: string[] }> = {
  admin: {
    see: ['工作台', '抽查事项清单', '检查对象名录库', '执法检查人员名录库', '数据导入'],
    notSee: ['用户管理', '审计日志'],
  },
  leader: { see: ['工作台', '计划审批', '结果复核', '统计分析'], notSee: ['数据导入', '用户管理'] },
  inspector: { see: ['我的检查'], notSee: ['抽查事项清单', '用户管理', '统计分析'] },
  auditor: { see: ['工作台', '统计分析', '审计日志'], notSee: ['数据导入', '用户管理'] },
  sysadmin: { see: ['工作台', '组织机构', '用户管理', '节假日日历', '审计日志'], notSee: ['数据导入'] },
};

describe.each([
  ['pglite', () => inject('pgliteUrl')],
  ['postgres', () => inject('postgresUrl')],
] as const)('log in as each role (%s)', (engine, baseUrl) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const [username, menu] of Object.entries(MENUS)) {
    it(`${username} sees the right menu and logs out`, async () => {
      const page = await browser.newPage();
      await page.context().clearCookies(); // a failed test must not leave its session to the next
      await page.goto(`${baseUrl()}/login`);
      await expectAccessible(page, 'login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('退出登录').first().waitFor({ state: 'attached' });
      const nav = page.locator('.ant-menu');
      for (const label of menu.see) {
        await expect.poll(() => nav.getByText(label, { exact: true }).count()).toBeGreaterThan(0);
      }
      for (const label of menu.notSee) {
        expect(await nav.getByText(label, { exact: true }).count()).toBe(0);
      }
      await expectAccessible(page, `${username} landing page`);
      await shot(page, `login-${engine}-${username}`);
      await page.getByText('退出登录').first().click();
      await page.waitForURL(/\/login/);
      await expect.poll(() => page.getByText('已退出登录').count()).toBeGreaterThan(0);
      await page.close();
    });
  }

  it('shows a friendly 404 for a bad route', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/no/such/page`);
    await expect.poll(() => page.getByText('页面不存在').count()).toBeGreaterThan(0);
    await expectAccessible(page, '404');
    await shot(page, `not-found-${engine}`);
    await page.close();
  });

  it('shows the public portal without a login', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/`);
    // the portal's lazy chunk can take more than poll's default 1 s on a busy machine
    await expect.poll(() => page.getByText('双随机、一公开').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'portal');
    await shot(page, `portal-${engine}`);
    await page.close();
  });
});
